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
import { resolveLocale } from "@/lib/i18n/locales";
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
    user: { id: user.id, email: user.email, name: user.name, roles: user.roles, locale: user.locale },
    blocked: blockedMessage(user, new Date(), resolveLocale({ saved: user.locale })),
  };
}

/**
 * Decoded tokens by their cookie text. Decoding (a key derivation plus a JWE decryption) was the largest CPU cost
 * of a signed-in request; the result depends only on the text and the secret, so it is kept briefly. This caches
 * the decoding only: whether the session still holds (deny-list, session version, account status) is read on
 * every request by `loadSession`, and the token's own expiry is checked on every use.
 */
const DECODED_TTL_MS = 60_000;
const DECODED_MAX = 10_000;
const decoded = new Map<string, { claims: (SessionClaims & { exp?: number }) | null; until: number }>();

async function decodeSessionToken(plain: Record<string, string | string[] | undefined>, cookies: Record<string, string | undefined>): Promise<SessionClaims | null> {
  // The session cookie's name depends on https and chunking (`.0`, `.1`); every part is in the key.
  const key = Object.keys(cookies).filter((name) => name.includes("next-auth.session-token")).sort().map((name) => `${name}=${cookies[name]}`).join(";");
  const now = Date.now();
  // No session cookie: getToken may still find a token elsewhere (an Authorization header); that is not cached.
  let entry = key ? decoded.get(key) : undefined;
  if (!entry || entry.until <= now) {
    // next-auth v4's getToken reads `req.cookies`; it does not parse the header itself.
    const token = await getToken({ req: { headers: plain, cookies } as never, secret: env.NEXTAUTH_SECRET });
    // A token without a session id predates sign-out revocation (issue 20) and could not be ended: refused.
    const valid = token && typeof token.uid === "string" && typeof token.sv === "number" && typeof token.sid === "string";
    const claims = valid ? { uid: token.uid as string, sv: token.sv as number, sid: token.sid as string, exp: typeof token.exp === "number" ? token.exp : undefined } : null;
    entry = { claims, until: now + DECODED_TTL_MS };
    if (key) {
      if (decoded.size >= DECODED_MAX) decoded.clear();
      decoded.set(key, entry);
    }
  }
  const claims = entry.claims;
  if (!claims || (claims.exp !== undefined && claims.exp * 1000 <= now)) return null;
  return { uid: claims.uid, sv: claims.sv, sid: claims.sid };
}

export async function getSessionFromHeaders(headers: Headers | Record<string, string | string[] | undefined>): Promise<Session | null> {
  const plain = headers instanceof Headers ? Object.fromEntries(headers.entries()) : headers;
  const cookieHeader = plain.cookie;
  const cookies = parseCookies(Array.isArray(cookieHeader) ? cookieHeader.join("; ") : (cookieHeader ?? ""));
  const claims = await decodeSessionToken(plain, cookies);
  return claims && loadSession(claims);
}
