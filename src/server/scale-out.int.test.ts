/**
 * What running more than one instance relies on: every Redis key carries a Redis Cluster hash tag (so the same
 * code runs on a cluster), and each process keeps to its database connection budget (DATABASE_POOL_SIZE).
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { Redis } from "ioredis";
import { env } from "@/env";
import { createPrismaClient, db } from "@/server/db";
import { publishBoardEvent, publishJobChangeAndBoard } from "@/server/realtime/events";
import { hitRateLimit } from "@/server/security/rate-limit";
import { recordWorkerHeartbeat } from "@/server/system/heartbeat";
import { redisHashTag } from "@/server/redis";
import { callerFor, createOpenJob, createUser } from "@/test/factories";

const raw = new Redis(env.REDIS_URL);
afterAll(() => raw.disconnect());

async function keysOfThisRun(): Promise<string[]> {
  const found: string[] = [];
  for (const pattern of [`{${env.REDIS_PREFIX}:*`, `${env.REDIS_PREFIX}:*`]) {
    let cursor = "0";
    do {
      const [next, keys] = await raw.scan(cursor, "MATCH", pattern, "COUNT", 1000);
      cursor = next;
      found.push(...keys);
    } while (cursor !== "0");
  }
  return found;
}

describe("Redis keys on a cluster", () => {
  it("puts every key the app writes under a hash tag, one per group, and nothing outside one", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER"]);
    const job = await createOpenJob(poster.id);
    // A claim touches BullMQ (outbox hand-over, timers), the real-time logs and the rate limits.
    await callerFor(scooper, new Headers({ "x-scoop-client-ip": "203.0.113.9" })).jobs.claim({ jobId: job.id });
    await publishBoardEvent({ type: "job.closed", jobId: job.id, reason: "other" });
    await hitRateLimit("sign-in-ip", "203.0.113.9", { limit: 5, windowSeconds: 60 });
    await recordWorkerHeartbeat();

    const keys = await keysOfThisRun();
    const tags = new Set(keys.map(redisHashTag));
    expect(keys.filter((k) => !k.startsWith(`{${env.REDIS_PREFIX}:`))).toEqual([]);
    expect(tags).toEqual(new Set(["bull", "rt", "rl", "worker"].map((g) => `${env.REDIS_PREFIX}:${g}`)));
    // The job's channel and the board share a slot: they are written in one pipeline.
    expect(keys.filter((k) => k.includes(job.id) && redisHashTag(k) === `${env.REDIS_PREFIX}:rt`).length).toBeGreaterThan(0);
    await expect(publishJobChangeAndBoard({ jobId: job.id, status: "CLAIMED", change: "claimed" }, null)).resolves.toHaveLength(1);
  });
});

describe("database connection budget", () => {
  it("opens at most DATABASE_POOL_SIZE connections however many queries wait", async () => {
    const applicationName = `pool-test-${Date.now()}`;
    const small = createPrismaClient({ poolSize: 2, applicationName });
    const sleeps = Promise.all(Array.from({ length: 6 }, () => small.$executeRaw`SELECT pg_sleep(0.2)`));
    let done = false;
    void sleeps.finally(() => (done = true));
    let peak = 0;
    while (!done) {
      const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${applicationName}`;
      peak = Math.max(peak, row?.n ?? 0);
      await new Promise((r) => setTimeout(r, 20));
    }
    await sleeps;
    await small.$disconnect();
    expect(peak).toBe(2);
  });

  it("keeps one client and one pool per process however many copies of db.ts load, in production too", async () => {
    // The production web process loads db.ts through tsx (web-server.ts) and again inside each of Next's compiled
    // server bundles (pages, route handlers): every copy must find the process's client instead of opening a pool.
    const shared = globalThis as { prisma?: unknown };
    const before = shared.prisma;
    delete shared.prisma;
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("STORAGE_SHARED_DISK", "1");
    vi.stubEnv("NEXTAUTH_SECRET", "a-production-length-secret-for-this-test");
    const copies: (typeof import("@/server/db"))[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        vi.resetModules();
        copies.push(await import("@/server/db"));
      }
      const [first, second] = copies;
      expect(second!.db).toBe(first!.db);
      expect(second!.poolOf(second!.db)).toBeDefined();
      expect(second!.poolOf(second!.db)).toBe(first!.poolOf(first!.db));
    } finally {
      await Promise.all(copies.map((copy) => copy.db.$disconnect()));
      vi.unstubAllEnvs();
      vi.resetModules();
      shared.prisma = before;
    }
  });

  it("reads the default budget from the environment", () => {
    expect(env.DATABASE_POOL_SIZE).toBe(Number(process.env.DATABASE_POOL_SIZE ?? 10));
  });
});
