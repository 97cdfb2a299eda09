/**
 * Fixed-window rate limits in Redis, so a limit holds across every web instance. A refused call throws
 * `AppError("TOO_MANY_REQUESTS")` carrying `retryAfterSeconds`.
 * To add a limit: add its "<count>/<minutes>" variable to src/env.js and call `enforceRateLimit` with a key
 * naming what is limited (e.g. `sign-in:<ip>:<email>`).
 */
import crypto from "node:crypto";
import { env } from "@/env";
import { AppError, type ErrorReason } from "@/server/errors";
import { getRedis, redisKey, type RedisConnection } from "@/server/redis";

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

// Per key: the window starts with the first hit (SET NX), so concurrent first hits share one window; then the count
// and the time left. One script call (EVALSHA) for all of a call's limits, atomic like the MULTI it replaced, with
// one reply instead of eight (ioredis builds and settles a command object per reply: a few % of the web process's CPU
// per claim in bench:claims). Every rate-limit key shares one hash tag, so it runs unchanged on a cluster.
const HIT_SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  redis.call('SET', key, 0, 'PX', ARGV[i], 'NX')
  out[2 * i - 1] = redis.call('INCR', key)
  out[2 * i] = redis.call('PTTL', key)
end
return out
`;

type ScriptedRedis = RedisConnection & { scoopHitRateLimits(numberOfKeys: number, ...keysThenWindows: (string | number)[]): Promise<number[]> };
const scripted = new WeakSet<RedisConnection>();

function rateLimitRedis(): ScriptedRedis {
  const redis = getRedis();
  if (!scripted.has(redis)) {
    redis.defineCommand("scoopHitRateLimits", { lua: HIT_SCRIPT });
    scripted.add(redis);
  }
  return redis as ScriptedRedis;
}

/** Counts several limits at once (e.g. a call's per-IP and per-user counters): one script call, one round trip. */
export async function hitRateLimits(hits: RateLimitHit[]): Promise<RateLimitResult[]> {
  if (env.RATE_LIMITS_ENABLED === "0") return hits.map(({ rule }) => ({ allowed: true, remaining: rule.limit, retryAfterSeconds: 0 }));
  if (hits.length === 0) return [];
  const keys = hits.map(({ name, subject }) => keyFor(name, subject));
  const replies = await rateLimitRedis().scoopHitRateLimits(keys.length, ...keys, ...hits.map(({ rule }) => rule.windowSeconds * 1000));
  return hits.map(({ rule }, i) => {
    const count = replies[2 * i]!;
    const ttl = replies[2 * i + 1]!;
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
