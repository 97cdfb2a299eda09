/**
 * The signed-in user of a request, the same way for tRPC over HTTP, React Server Components, route handlers
 * and the WebSocket upgrade: decode next-auth's JWT cookie, then read the user and whether this session was
 * signed out, in one statement, so a sign-out, password change, role change, suspension or ban takes effect on
 * the very next request.
 */
import * as Sentry from "@sentry/core";
import { parse as parseCookies } from "cookie";
import { getToken } from "next-auth/jwt";
import { env } from "@/env";
import type { Session } from "./session-type";
import { resolveLocale } from "@/lib/i18n/locales";
import { blockedMessage } from "@/server/accounts/status";
import type { Role, UserStatus } from "@/generated/prisma/enums";
import { db, poolOf } from "@/server/db";
import { recordQuery } from "@/server/observability/query-timing";
import { endedSessionSql } from "./session-deny-list";
import "./next-auth-url";
import { tracingOn } from "@/server/observability/sentry-options";

export type SessionClaims = { uid: string; sv: number; sid: string };

type SessionUserRow = {
  id: string; email: string; name: string | null; roles: Role[]; status: UserStatus; suspendedUntil: Date | null;
  statusReason: string | null; sessionVersion: number; locale: string | null; ended: boolean;
};

// Every signed-in request runs this read, so it goes to the pool directly rather than through Prisma's query
// compiler (≈ 0.5 ms of CPU per request in the claims benchmark's profile). Enum values come back as text, and the
// timestamp (stored without a zone, in UTC as Prisma writes it) as a timestamptz so the driver reads it as UTC.
// The session's own sign-out (the deny-list) is read in the same statement.
const SESSION_USER_SQL = `SELECT id, email, name, roles::text[] AS roles, status::text AS status,
  "suspendedUntil" AT TIME ZONE 'UTC' AS "suspendedUntil", "statusReason", "sessionVersion", locale, ${endedSessionSql("$2")}
  FROM "User" WHERE id = $1`;

async function readSessionUser(userId: string, sessionId: string): Promise<SessionUserRow | null> {
  const pool = poolOf(db);
  if (!pool) throw new Error("the session read needs a client made by createPrismaClient (src/server/db.ts)");
  const run = async () => {
    const started = performance.now();
    try {
      const { rows } = await pool.query<SessionUserRow>(SESSION_USER_SQL, [userId, sessionId]);
      return rows[0] ?? null;
    } finally {
      recordQuery({ query: SESSION_USER_SQL, duration: performance.now() - started }, env.SLOW_QUERY_MS);
    }
  };
  return tracingOn() ? Sentry.startSpan({ name: SESSION_USER_SQL, op: "db", attributes: { "db.system": "postgresql" } }, run) : run();
}

export async function loadSession(claims: SessionClaims): Promise<Session | null> {
  const user = await readSessionUser(claims.uid, claims.sid);
  // Signed out (this one session is on the deny-list until its token expires), or a bumped session version
  // (password changed, suspended, banned), which ends every older session.
  if (!user || user.ended || user.sessionVersion !== claims.sv) return null;
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
