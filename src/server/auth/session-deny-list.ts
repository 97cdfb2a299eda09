/**
 * Sessions that end at sign-out. Each session token carries its own id (`sid`, set at sign-in); signing out puts
 * that id in `EndedSession` (PostgreSQL) until the token would have expired anyway, and every request and
 * WebSocket upgrade refuses it: the session's user is read with `endedSessionSql` in the same statement
 * (src/server/auth/session.ts), so the check costs no round trip of its own. Only that one session ends; "sign out
 * everywhere" bumps the user's session version instead, which ends all of them.
 *
 * The list lives in the database, not in Redis, so a Redis that restarts empty, fails over or is unreachable
 * cannot bring a signed-out session back.
 */
import type { Db } from "@/server/db";

/** `expiresAtSeconds`: the token's own expiry (`exp`, seconds since the epoch). Signing out twice is harmless. */
export async function endSession(db: Db, sessionId: string, expiresAtSeconds: number): Promise<void> {
  const expiresAt = new Date(Math.max(Date.now() + 1000, expiresAtSeconds * 1000));
  await db.endedSession.createMany({ data: [{ id: sessionId, expiresAt }], skipDuplicates: true });
}

/** Whether the session `$<param>` has ended, as a column of the session's read. */
export const endedSessionSql = (param: string) => `EXISTS (SELECT 1 FROM "EndedSession" e WHERE e.id = ${param}) AS ended`;

/**
 * Deletes the rows whose token has expired (the worker's maintenance, hourly): such a token is refused for its
 * expiry anyway. Returns how many went.
 */
export async function purgeEndedSessions(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.endedSession.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
