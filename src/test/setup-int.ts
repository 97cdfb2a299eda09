/**
 * Before each integration test file: a private database cloned from the migrated template and a private
 * Redis key prefix, set in the environment before any app module reads it. After the file: close
 * connections, drop the database, delete the prefix's keys, stop a private redis-server the file started.
 */
import crypto from "node:crypto";
import { afterAll, inject } from "vitest";
import { createDatabase, deleteRedisPrefix, dropDatabase } from "../../scripts/lib/services.ts";

const server = process.env.TEST_PG_SERVER_URL!;
const id = crypto.randomBytes(5).toString("hex");
const dbName = `scoop_t_${id}`;
process.env.DATABASE_URL = await createDatabase(server, dbName, inject("templateDatabase"));
process.env.REDIS_PREFIX = `scoop-t-${id}`;
process.env.LOG_LEVEL ??= "warn";
// Tests play the one trusted proxy: the right-most X-Forwarded-For address is the client (as on Render).
process.env.TRUST_PROXY_HOPS ??= "1";

afterAll(async () => {
  const [{ db }, { closeQueues }, { closeRedis }] = await Promise.all([
    import("@/server/db"),
    import("@/server/queues/queues"),
    import("@/server/redis"),
  ]);
  try {
    await closeQueues();
    await closeRedis();
    await deleteRedisPrefix(process.env.REDIS_URL!, process.env.REDIS_PREFIX!);
    await db.$disconnect();
  } finally {
    try {
      await dropDatabase(server, dbName);
    } finally {
      // A file's private redis-server, Redis Cluster or PgBouncer (src/test/chaos.ts), whatever failed before.
      for (const service of (globalThis as { scoopPrivateServices?: { stop: () => Promise<void> }[] }).scoopPrivateServices ?? []) {
        await service.stop().catch((err: unknown) => console.error("could not stop a private test service", err));
      }
    }
  }
});
