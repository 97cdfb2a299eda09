/** Readiness through the web route and the worker's health port, against real PostgreSQL and Redis. */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../../scripts/lib/services.ts";

// Read by src/env.js at import, hence set before the dynamic imports below.
process.env.HEALTH_MAX_QUEUE_BACKLOG = "2";
process.env.HEALTH_MAX_HEARTBEAT_AGE_SECONDS = "60";
const { GET: ready } = await import("@/app/api/health/ready/route");
const { GET: live } = await import("@/app/api/health/route");
const { getQueue } = await import("@/server/queues/queues");
const { recordWorkerHeartbeat } = await import("./heartbeat");
const { checkReadiness } = await import("./health");
const { startHealthServer } = await import("../../../worker/health-server");

describe("health", () => {
  let unreachableRedis: Redis;
  beforeAll(async () => {
    // Nothing listens on a port freePort() just released: the connection is refused at once.
    unreachableRedis = new Redis(`redis://127.0.0.1:${await freePort()}`, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    unreachableRedis.on("error", () => {}); // expected: it is unreachable on purpose
  });
  afterAll(() => unreachableRedis.disconnect());

  it("liveness answers 200 without touching any dependency", async () => {
    const res = live();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, service: "web" });
  });

  it("is ready (200) when the database, Redis, a fresh heartbeat and short queues are all there", async () => {
    await recordWorkerHeartbeat();
    const res = await ready();
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ ok: true, database: { ok: true }, redis: { ok: true }, worker: { ok: true }, queues: { ok: true } });
  });

  it("is not ready (503) when the worker's heartbeat is stale", async () => {
    await recordWorkerHeartbeat(new Date(Date.now() - 5 * 60_000));
    const res = await ready();
    const body = await res.json();
    expect(res.status).toBe(503);
    expect(body.worker).toMatchObject({ ok: false, maxAgeSeconds: 60 });
    expect(body.worker.ageSeconds).toBeGreaterThanOrEqual(300);
    expect(body.database.ok).toBe(true);
  });

  it("is not ready (503) when a queue's backlog is over the limit", async () => {
    await recordWorkerHeartbeat();
    const queue = getQueue("system");
    await queue.addBulk([1, 2, 3].map(() => ({ name: "heartbeat", data: { kind: "heartbeat" } })));
    try {
      const res = await ready();
      expect(res.status).toBe(503);
      expect((await res.json()).queues).toMatchObject({ ok: false, waiting: { system: 3 }, maxBacklog: 2 });
    } finally {
      await queue.drain();
    }
  });

  it("the worker's health port answers liveness, and readiness 503 when Redis is unreachable", async () => {
    await recordWorkerHeartbeat();
    const server = await startHealthServer({ port: 0, host: "127.0.0.1", readiness: () => checkReadiness({ redis: unreachableRedis }) });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      const liveRes = await fetch(`${base}/health`);
      expect(liveRes.status).toBe(200);
      expect(await liveRes.json()).toMatchObject({ ok: true, service: "worker" });

      const readyRes = await fetch(`${base}/ready`);
      expect(readyRes.status).toBe(503);
      const body = await readyRes.json();
      expect(body).toMatchObject({ ok: false, database: { ok: true }, redis: { ok: false }, worker: { ok: false } });

      expect((await fetch(`${base}/nope`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it("the worker's health port reports 200 when everything is up", async () => {
    await recordWorkerHeartbeat();
    const server = await startHealthServer({ port: 0, host: "127.0.0.1" });
    try {
      expect((await fetch(`http://127.0.0.1:${server.port}/ready`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
