/**
 * The signed-in user of a request, the same way for tRPC over HTTP, React Server Components, route handlers
 * and the WebSocket upgrade: decode next-auth's JWT cookie, check its session id is not signed out, then
 * re-read the user, so a sign-out, password change, role change, suspension or ban takes effect on the very
 * next request.
 */
import { parse as parseCookies } from "cookie";
import { getToken } from "next-auth/jwt";
import { env } from "@/env";
import type { Session } from "./session-type";
import { blockedMessage } from "@/server/accounts/status";
import { db } from "@/server/db";
import { sessionEnded } from "./session-deny-list";
import "./next-auth-url";

export type SessionClaims = { uid: string; sv: number; sid: string };

export async function loadSession(claims: SessionClaims): Promise<Session | null> {
  // Signed out: this one session is on the deny-list until its token expires. Both reads run at once (every
  // request pays for them).
  const [ended, user] = await Promise.all([
    sessionEnded(claims.sid),
    db.user.findUnique({
      where: { id: claims.uid },
      select: { id: true, email: true, name: true, roles: true, status: true, suspendedUntil: true, statusReason: true, sessionVersion: true, locale: true },
    }),
  ]);
  if (ended) return null;
  // A bumped session version (password changed, suspended, banned) ends every older session.
  if (!user || user.sessionVersion !== claims.sv) return null;
  return {
    sessionId: claims.sid,
    user: { id: user.id, email: user.email, name: user.name, roles: user.roles },
    blocked: blockedMessage(user),
    locale: user.locale,
  };
}

export async function getSessionFromHeaders(headers: Headers | Record<string, string | string[] | undefined>): Promise<Session | null> {
  const plain = headers instanceof Headers ? Object.fromEntries(headers.entries()) : headers;
  const cookieHeader = plain.cookie;
  const cookies = parseCookies(Array.isArray(cookieHeader) ? cookieHeader.join("; ") : (cookieHeader ?? ""));
  // next-auth v4's getToken reads `req.cookies`; it does not parse the header itself.
  const token = await getToken({ req: { headers: plain, cookies } as never, secret: env.NEXTAUTH_SECRET });
  // A token without a session id predates sign-out revocation (issue 20) and could not be ended: refused.
  if (!token || typeof token.uid !== "string" || typeof token.sv !== "number" || typeof token.sid !== "string") return null;
  return loadSession({ uid: token.uid, sv: token.sv, sid: token.sid });
}
