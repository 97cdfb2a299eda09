/**
 * The signed-in user of a request, the same way for tRPC over HTTP, React Server Components, route handlers
 * and (later) the WebSocket upgrade: decode next-auth's JWT cookie, then re-read the user, so a password
 * change, role change, suspension or ban takes effect on the very next request.
 */
import { parse as parseCookies } from "cookie";
import { getToken } from "next-auth/jwt";
import { env } from "@/env";
import type { Session } from "@/server/api/trpc";
import { blockedMessage } from "@/server/accounts/status";
import { db } from "@/server/db";
import "./next-auth-url";

export type SessionClaims = { uid: string; sv: number };

export async function loadSession(claims: SessionClaims): Promise<Session | null> {
  const user = await db.user.findUnique({
    where: { id: claims.uid },
    select: { id: true, email: true, name: true, roles: true, status: true, suspendedUntil: true, statusReason: true, sessionVersion: true },
  });
  // A bumped session version (password changed, suspended, banned) ends every older session.
  if (!user || user.sessionVersion !== claims.sv) return null;
  return {
    user: { id: user.id, email: user.email, name: user.name, roles: user.roles },
    blocked: blockedMessage(user),
  };
}

export async function getSessionFromHeaders(headers: Headers | Record<string, string | string[] | undefined>): Promise<Session | null> {
  const plain = headers instanceof Headers ? Object.fromEntries(headers.entries()) : headers;
  const cookieHeader = plain.cookie;
  const cookies = parseCookies(Array.isArray(cookieHeader) ? cookieHeader.join("; ") : (cookieHeader ?? ""));
  // next-auth v4's getToken reads `req.cookies`; it does not parse the header itself.
  const token = await getToken({ req: { headers: plain, cookies } as never, secret: env.NEXTAUTH_SECRET });
  if (!token || typeof token.uid !== "string" || typeof token.sv !== "number") return null;
  return loadSession({ uid: token.uid, sv: token.sv });
}
