/** The worker's proof of life: the heartbeat job stamps Redis; health checks read the stamp's age. */
import { getRedis, redisKey, type RedisConnection } from "@/server/redis";

const HEARTBEAT_KEY = () => redisKey("worker", "heartbeat");

export async function recordWorkerHeartbeat(now = new Date()): Promise<void> {
  // Expires on its own so a dead worker reads as "no heartbeat", not as an ever older one.
  await getRedis().set(HEARTBEAT_KEY(), now.toISOString(), "EX", 24 * 3600);
}

export async function readWorkerHeartbeat(redis: RedisConnection = getRedis()): Promise<Date | null> {
  const value = await redis.get(HEARTBEAT_KEY());
  return value ? new Date(value) : null;
}

const REPAIR_KEY = () => redisKey("worker", "schedules-repaired");

/** The worker re-created job schedulers Redis had lost: when, and which (shown by readiness). */
export async function recordScheduleRepair(schedulers: string[], now = new Date()): Promise<void> {
  await getRedis().set(REPAIR_KEY(), JSON.stringify({ at: now.toISOString(), schedulers }), "EX", 7 * 24 * 3600);
}

export async function readScheduleRepair(redis: RedisConnection = getRedis()): Promise<{ at: string; schedulers: string[] } | null> {
  const value = await redis.get(REPAIR_KEY());
  return value ? (JSON.parse(value) as { at: string; schedulers: string[] }) : null;
}
