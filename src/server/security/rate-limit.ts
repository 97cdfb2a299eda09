/**
 * Fixed-window rate limits in Redis, so a limit holds across every web instance. A refused call throws
 * `AppError("TOO_MANY_REQUESTS")` carrying `retryAfterSeconds`.
 * To add a limit: add its "<count>/<minutes>" variable to src/env.js and call `enforceRateLimit` with a key
 * naming what is limited (e.g. `sign-in:<ip>:<email>`).
 */
import crypto from "node:crypto";
import { AppError } from "@/server/errors";
import { getRedis, redisKey } from "@/server/redis";

export type RateLimitRule = { limit: number; windowSeconds: number };
export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

// Keys may contain emails; hash them so Redis never holds personal data in clear.
const keyFor = (name: string, subject: string) =>
  redisKey("rl", name, crypto.createHash("sha256").update(subject).digest("hex").slice(0, 32));

export async function hitRateLimit(name: string, subject: string, rule: RateLimitRule): Promise<RateLimitResult> {
  const key = keyFor(name, subject);
  const [[, count], [, ttl]] = (await getRedis()
    .multi()
    .incr(key)
    .pttl(key)
    .exec()) as [[null, number], [null, number]];
  let ttlMs = ttl;
  if (ttlMs < 0) {
    await getRedis().pexpire(key, rule.windowSeconds * 1000);
    ttlMs = rule.windowSeconds * 1000;
  }
  return {
    allowed: count <= rule.limit,
    remaining: Math.max(0, rule.limit - count),
    retryAfterSeconds: count <= rule.limit ? 0 : Math.ceil(ttlMs / 1000),
  };
}

export function retryMessage(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return seconds < 90 ? `Try again in ${seconds} seconds.` : `Try again in ${minutes} minutes.`;
}

export async function enforceRateLimit(name: string, subject: string, rule: RateLimitRule, what: string): Promise<void> {
  const result = await hitRateLimit(name, subject, rule);
  if (!result.allowed) {
    throw new AppError("TOO_MANY_REQUESTS", `Too many ${what}. ${retryMessage(result.retryAfterSeconds)}`, {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
}

export async function resetRateLimit(name: string, subject: string): Promise<void> {
  await getRedis().del(keyFor(name, subject));
}

/** The caller's IP: the first X-Forwarded-For hop (Render's proxy sets it), else X-Real-IP. */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  return get("x-forwarded-for")?.split(",")[0]?.trim() || get("x-real-ip")?.trim() || "unknown";
}
