/**
 * A private, throw-away database and Redis prefix for a benchmark, set in the environment before any app
 * module is imported. Server: TEST_DATABASE_URL, DATABASE_URL or the local 127.0.0.1:5432.
 */
import crypto from "node:crypto";
import { applyMigrations } from "../db/schema-engine.ts";
import { createDatabase, deleteRedisPrefix, dropDatabase } from "../lib/services.ts";

export async function benchEnvironment(label: string) {
  const server = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const id = crypto.randomBytes(4).toString("hex");
  const name = `scoop_bench_${label}_${id}`;
  const url = await createDatabase(server, name);
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  process.env.REDIS_URL = redisUrl;
  process.env.REDIS_PREFIX = `scoop-bench-${id}`;
  process.env.LOG_LEVEL ??= "warn";
  return {
    databaseUrl: url,
    async cleanup() {
      await deleteRedisPrefix(redisUrl, `scoop-bench-${id}`);
      await dropDatabase(server, name);
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * A scooper's finished onboarding profile (display name, photo, service area), so the claim's onboarding gate
 * passes: nest it as `scooperProfile: { create: BENCH_SCOOPER_PROFILE }` or add `userId` for `createMany`.
 */
export const BENCH_SCOOPER_PROFILE = { displayName: "Bench Scooper", photoKey: "bench/profile.jpg", serviceLat: 40.7, serviceLng: -73.95, serviceRadiusKm: 50 };
