/**
 * Sessions that end at sign-out. Each session token carries its own id (`sid`, set at sign-in); signing out puts
 * that id on a deny-list in Redis until the token would have expired anyway, and every request and WebSocket
 * upgrade checks it (src/server/auth/session.ts). Only that one session ends; "sign out everywhere" bumps the
 * user's session version instead, which ends all of them.
 */
import { logger } from "@/server/logger";
import { getRedis, isRedisUnavailable, redisKey } from "@/server/redis";

const key = (sessionId: string) => redisKey("session-ended", sessionId);

/** `expiresAt`: the token's own expiry (`exp`, seconds since the epoch). */
export async function endSession(sessionId: string, expiresAtSeconds: number): Promise<void> {
  const ttlMs = Math.max(1000, expiresAtSeconds * 1000 - Date.now());
  await getRedis().set(key(sessionId), "1", "PX", ttlMs);
}

/**
 * While Redis is unreachable the deny-list cannot be read: the check lets the session through (the session version,
 * in PostgreSQL, still ends every session of a blocked user or a changed password), so a Redis outage does not sign
 * everyone out or stop confirms and cancels; a session signed out moments before may work until Redis is back.
 */
export async function sessionEnded(sessionId: string): Promise<boolean> {
  try {
    return (await getRedis().exists(key(sessionId))) === 1;
  } catch (err) {
    if (!isRedisUnavailable(err)) throw err;
    logger.warn({ err }, "session deny-list unreadable (Redis down): letting the session through");
    return false;
  }
}
