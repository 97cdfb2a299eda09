/**
 * REDIS_CLUSTER=1 against a real Redis Cluster: three masters private to this file (src/test/chaos.ts), with the
 * `bull`, `rt` and `rl` key groups on three different ones. The real worker process, two web instances and this
 * file's own calls run unchanged on it: BullMQ's scripts and job schedulers, the claim's pipelines, the real-time
 * relay between instances, the rate limits' script and the readiness check. On one Redis with the plain client, the
 * same calls would meet MOVED and CROSSSLOT errors as soon as a key's slot lives elsewhere.
 * Run time here: 20–35 s, most of it the two outages and the worker's restart.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const { cluster } = await vi.hoisted(async () => {
  const { startPrivateRedisCluster, CHAOS_WORKER_ENV } = await import("../test/chaos");
  const cluster = await startPrivateRedisCluster();
  Object.assign(process.env, CHAOS_WORKER_ENV, { WORKER_HEARTBEAT_SECONDS: "1", WORKER_SHUTDOWN_SECONDS: "5" });
  return { cluster };
});

import { Cluster, Redis } from "ioredis";
import { env } from "@/env";
import { db } from "@/server/db";
import { scheduleJobTimer, timerId } from "@/server/jobs/timers";
import { getQueue } from "@/server/queues/queues";
import { getRedis, redisHashTag } from "@/server/redis";
import { hitRateLimits } from "@/server/security/rate-limit";
import { checkReadiness } from "@/server/system/health";
import { masterOfGroup, startWorkerProcess, type WorkerProcess } from "@/test/chaos";
import { callerFor, createOpenJob, createUser, uniqueIpHeaders } from "@/test/factories";
import { allEffectsDone } from "@/test/outbox";
import { sessionCookieFor, startInstance, stopInstances, take, type Instance } from "@/test/realtime-harness";
import { nodeClient } from "@/test/trpc-ws-client";

const NYC = { south: 40.5, west: -74.3, north: 41, east: -73.6 };
const started = Date.now();
let worker: WorkerProcess | null = null;
let a: Instance;
let b: Instance;

beforeAll(async () => {
  [worker, a, b] = await Promise.all([startWorkerProcess(), startInstance(), startInstance()]);
}, 90_000);
afterAll(async () => {
  await stopInstances([a, b]);
  await worker?.stop();
  console.log(`[redis-cluster] file ran in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

/** This run's keys on each master, by group (`bull`, `rt` …). */
async function groupsByMaster(): Promise<Map<number, Set<string>>> {
  const out = new Map<number, Set<string>>();
  for (const node of cluster.nodes) {
    const conn = new Redis(node.url);
    const groups = new Set<string>();
    let cursor = "0";
    do {
      const [next, keys] = await conn.scan(cursor, "MATCH", `{${env.REDIS_PREFIX}:*`, "COUNT", 1000);
      cursor = next;
      for (const key of keys) groups.add(redisHashTag(key)!.slice(env.REDIS_PREFIX.length + 1));
    } while (cursor !== "0");
    conn.disconnect();
    out.set(node.port, groups);
  }
  return out;
}

describe("on a three-master Redis Cluster (REDIS_CLUSTER=1)", () => {
  it("uses the Cluster client", () => {
    expect(env.REDIS_CLUSTER).toBe("1");
    expect(getRedis()).toBeInstanceOf(Cluster);
  });

  it("a claim on instance A reaches a board watcher on B, moves the job's timers and the worker runs its notification", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER"]);
    const job = await createOpenJob(poster.id, { lat: 40.7, lng: -73.95 });
    await scheduleJobTimer("expire", job.id, job.expiresAt);
    const timers = getQueue("timers");
    expect(await (await timers.getJob(timerId("expire", job.id)))?.getState()).toBe("delayed");

    const watcher = nodeClient(b.url);
    const claimer = nodeClient(a.url, { cookie: await sessionCookieFor(scooper.id) });
    let claimed: Promise<unknown> | undefined;
    const events = await take<{ data: unknown }>(
      (h) => watcher.client.jobs.onBoardChange.subscribe({ bounds: NYC }, h),
      1,
      () => void setTimeout(() => (claimed = claimer.client.jobs.claim.mutate({ jobId: job.id })), 300),
    );
    // The event can overtake the claim's answer: the timers move in the same burst of Redis work.
    await expect(claimed).resolves.toMatchObject({ id: job.id });
    watcher.close();
    claimer.close();
    expect(events[0]!.data).toEqual({ type: "job.closed", jobId: job.id, reason: "claimed" });
    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id: job.id }, select: { status: true, scooperId: true } })).toEqual({ status: "CLAIMED", scooperId: scooper.id });

    // The expiry went, the start deadline waits, and the poster's notification ran in the worker process.
    expect(await timers.getJob(timerId("expire", job.id))).toBeUndefined();
    expect(await (await timers.getJob(timerId("start-deadline", job.id)))?.getState()).toBe("delayed");
    await allEffectsDone();
    expect(await db.outboxMessage.findMany({ where: { payload: { path: ["jobId"], equals: job.id } }, select: { kind: true, status: true } })).toEqual([
      { kind: expect.any(String), status: "DONE" },
    ]);

    // Three masters held the work, one group each.
    const byMaster = await groupsByMaster();
    const masterOf = (group: string) => [...byMaster].filter(([, groups]) => groups.has(group)).map(([port]) => port);
    const owners = ["bull", "rt", "rl"].map(masterOf);
    expect(owners.every((ports) => ports.length === 1)).toBe(true);
    expect(new Set(owners.flat()).size).toBe(3);
  });

  it("counts a call's rate limits in one script call and refuses over the limit", async () => {
    const hits = [
      { name: "cluster-test-ip", subject: "203.0.113.7", rule: { limit: 2, windowSeconds: 60 } },
      { name: "cluster-test-user", subject: "someone@example.test", rule: { limit: 5, windowSeconds: 60 } },
    ];
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await hitRateLimits(hits));
    expect(results.map(([ip, user]) => [ip!.allowed, user!.remaining])).toEqual([[true, 4], [true, 3], [false, 2]]);
    expect(results[2]![0]!.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("reports ready: Redis answers, the worker's heartbeat (a job scheduler) is fresh and the queues are readable", async () => {
    await vi.waitFor(async () => {
      const readiness = await checkReadiness();
      expect(readiness.redis).toEqual({ ok: true });
      expect(readiness.worker.ok).toBe(true);
      expect(readiness.queues.ok).toBe(true);
    }, { timeout: 15_000, interval: 250 });
  });

  it("one master down: calls that need its keys say try again, and they work again once it is back", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const job = await createOpenJob(poster.id);
    const rateLimitsMaster = await masterOfGroup(cluster, "rl");
    await cluster.down(cluster.nodes.findIndex((node) => node.port === rateLimitsMaster));
    try {
      const outage = Date.now();
      // The rate limits' master is gone: a rate-limited call cannot be counted, and says so.
      await expect(callerFor(null, uniqueIpHeaders()).accounts.requestPasswordReset({ email: poster.email })).rejects.toMatchObject({
        code: "SERVICE_UNAVAILABLE",
      });
      expect(Date.now() - outage).toBeLessThan(5_000);
      // A call that needs no rate limit still answers.
      await expect(callerFor(poster).jobs.cancel({ jobId: job.id })).resolves.toBeDefined();
    } finally {
      await cluster.up();
    }
    await vi.waitFor(() => expect(callerFor(null, uniqueIpHeaders()).accounts.requestPasswordReset({ email: poster.email })).resolves.toBeDefined(), {
      timeout: 15_000, interval: 250,
    });
  }, 60_000);

  it("every master down: a cancel still answers, a rate-limited call says try again; back, a restarted worker runs what waited", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const job = await createOpenJob(poster.id);
    await cluster.down();
    let back = 0;
    try {
      const outage = Date.now();
      await expect(callerFor(poster).jobs.cancel({ jobId: job.id })).resolves.toBeDefined();
      await expect(callerFor(null, uniqueIpHeaders()).accounts.requestPasswordReset({ email: poster.email })).rejects.toMatchObject({
        code: "SERVICE_UNAVAILABLE",
      });
      // Neither waited for the cluster.
      expect(Date.now() - outage).toBeLessThan(5_000);
      expect(await db.outboxMessage.count({ where: { status: "PENDING", payload: { path: ["jobId"], equals: job.id } } })).toBeGreaterThan(0);
      expect(await checkReadiness()).toMatchObject({ ok: false, redis: { ok: false } });
    } finally {
      await cluster.up(); // empty, as after a restart without persistence
      back = Date.now();
    }
    // BullMQ's workers on the Cluster client may not come back from losing every node (docs/scaling.md): the worker is
    // restarted, as the runbook says. Its graceful close may hang on a wedged connection; WORKER_SHUTDOWN_SECONDS (5
    // here) ends it anyway.
    const stopping = Date.now();
    await worker!.stop();
    console.log(`[redis-cluster] worker stopped ${((Date.now() - stopping) / 1000).toFixed(1)} s after SIGTERM (${((Date.now() - back) / 1000).toFixed(1)} s after the cluster was back)`);
    expect(Date.now() - stopping).toBeLessThan((5 + 5) * 1000);
    worker = await startWorkerProcess();
    // The new worker's relay hands the cancel's effects over again, and its processors run them.
    await allEffectsDone(30_000);
    await expect(callerFor(null, uniqueIpHeaders()).accounts.requestPasswordReset({ email: poster.email })).resolves.toBeDefined();
    await vi.waitFor(async () => expect((await checkReadiness()).ok).toBe(true), { timeout: 15_000, interval: 250 });
  }, 90_000);
});
