/**
 * Redis connections. Each process has one shared command connection (`redis`), created lazily; BullMQ
 * workers and pub/sub subscribers need their own (they block or change the connection's mode), so they call
 * `createRedisConnection`. Keys always go through `redisKey` so REDIS_PREFIX isolates apps and test runs.
 */
import { Redis, type RedisOptions } from "ioredis";
import { env } from "@/env";

export function createRedisConnection(options: RedisOptions = {}): Redis {
  return new Redis(env.REDIS_URL, { lazyConnect: false, ...options });
}

const globalForRedis = globalThis as unknown as { redis?: Redis };

/** Shared command connection. Requests fail fast (no unbounded offline queue) so a Redis outage surfaces as an error. */
export function getRedis(): Redis {
  globalForRedis.redis ??= createRedisConnection({ maxRetriesPerRequest: 2, enableOfflineQueue: true });
  return globalForRedis.redis;
}

export function redisKey(...parts: (string | number)[]): string {
  return [env.REDIS_PREFIX, ...parts].join(":");
}

export async function closeRedis(): Promise<void> {
  const conn = globalForRedis.redis;
  globalForRedis.redis = undefined;
  if (conn) await conn.quit().catch(() => conn.disconnect());
}
