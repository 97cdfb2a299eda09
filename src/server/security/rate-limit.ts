/**
 * Fixed-window rate limits in Redis, so a limit holds across every web instance. A refused call throws
 * `AppError("TOO_MANY_REQUESTS")` carrying `retryAfterSeconds`.
 * To add a limit: add its "<count>/<minutes>" variable to src/env.js and call `enforceRateLimit` with a key
 * naming what is limited (e.g. `sign-in:<ip>:<email>`).
 */
import crypto from "node:crypto";
import { env } from "@/env";
import { AppError, type ErrorReason } from "@/server/errors";
import { getRedis, redisKey } from "@/server/redis";

export type RateLimitRule = { limit: number; windowSeconds: number };
export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

// Keys may contain emails; hash them so Redis never holds personal data in clear.
const keyFor = (name: string, subject: string) =>
  redisKey("rl", name, crypto.createHash("sha256").update(subject).digest("hex").slice(0, 32));

export async function hitRateLimit(name: string, subject: string, rule: RateLimitRule): Promise<RateLimitResult> {
  const [result] = await hitRateLimits([{ name, subject, rule }]);
  return result!;
}

export type RateLimitHit = { name: string; subject: string; rule: RateLimitRule };

/** Counts several limits at once (e.g. a call's per-IP and per-user counters): one MULTI, one round trip. */
export async function hitRateLimits(hits: RateLimitHit[]): Promise<RateLimitResult[]> {
  if (env.RATE_LIMITS_ENABLED === "0") return hits.map(({ rule }) => ({ allowed: true, remaining: rule.limit, retryAfterSeconds: 0 }));
  if (hits.length === 0) return [];
  // The window starts with the first hit (SET NX), so concurrent first hits share one window.
  const multi = getRedis().multi();
  for (const { name, subject, rule } of hits) {
    const key = keyFor(name, subject);
    multi.set(key, 0, "PX", rule.windowSeconds * 1000, "NX").incr(key).pttl(key);
  }
  const replies = (await multi.exec()) as [Error | null, unknown][];
  return hits.map(({ rule }, i) => {
    const count = replies[3 * i + 1]![1] as number;
    const ttl = replies[3 * i + 2]![1] as number;
    const ttlMs = ttl > 0 ? ttl : rule.windowSeconds * 1000;
    return {
      allowed: count <= rule.limit,
      remaining: Math.max(0, rule.limit - count),
      retryAfterSeconds: count <= rule.limit ? 0 : Math.ceil(ttlMs / 1000),
    };
  });
}

/** The parameters of "Try again in …": seconds under 90 s, whole minutes above. */
export function retryParams(seconds: number): { count: number; unit: "seconds" | "minutes" } {
  return seconds < 90 ? { count: seconds, unit: "seconds" } : { count: Math.ceil(seconds / 60), unit: "minutes" };
}

/** What a limit counts, as a key of the `rateLimit` group of messages/<locale>/errors.json ("Too many …"). */
export type RateLimitSubject = ErrorReason extends infer R ? (R extends `rateLimit.${infer K}` ? K : never) : never;

export async function enforceRateLimit(name: string, subject: string, rule: RateLimitRule, what: RateLimitSubject): Promise<void> {
  await enforceRateLimits([{ name, subject, rule }], what);
}

/** Counts every hit (one round trip); refuses when any of them is over its limit. */
export async function enforceRateLimits(hits: RateLimitHit[], what: RateLimitSubject): Promise<void> {
  const result = (await hitRateLimits(hits)).find((r) => !r.allowed);
  if (result) {
    throw new AppError("TOO_MANY_REQUESTS", `rateLimit.${what}`, retryParams(result.retryAfterSeconds), {
      retryAfterSeconds: result.retryAfterSeconds,
    });
  }
}

/** Gives back one counted attempt (a sign-in that succeeded does not count toward the per-IP limit). */
export async function refundRateLimit(name: string, subject: string): Promise<void> {
  // Only while the window lasts: a DECR on an expired key would create one without a TTL.
  await getRedis().eval("if redis.call('exists', KEYS[1]) == 1 then return redis.call('decr', KEYS[1]) end return 0", 1, keyFor(name, subject));
}

export async function resetRateLimit(name: string, subject: string): Promise<void> {
  await getRedis().del(keyFor(name, subject));
}
