/** Readiness of the parts a request needs. Each check has a short timeout so a hung dependency reads as down. */
import { db } from "@/server/db";
import { getRedis } from "@/server/redis";
import { readWorkerHeartbeat } from "./heartbeat";

export type HealthReport = {
  ok: boolean;
  database: { ok: boolean; error?: string };
  redis: { ok: boolean; error?: string };
  worker: { lastHeartbeatAt: string | null; ageSeconds: number | null };
};

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref()),
  ]);
}

async function check(fn: () => Promise<unknown>): Promise<{ ok: boolean; error?: string }> {
  try {
    await withTimeout(fn(), 2_000);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : "unknown error" };
  }
}

export async function checkHealth(): Promise<HealthReport> {
  const [database, redis] = await Promise.all([check(() => db.$queryRaw`SELECT 1`), check(() => getRedis().ping())]);
  let beat: Date | null = null;
  if (redis.ok) beat = await readWorkerHeartbeat().catch(() => null);
  return {
    ok: database.ok && redis.ok,
    database,
    redis,
    worker: {
      lastHeartbeatAt: beat?.toISOString() ?? null,
      ageSeconds: beat ? Math.round((Date.now() - beat.getTime()) / 1000) : null,
    },
  };
}
