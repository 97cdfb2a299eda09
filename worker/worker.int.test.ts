import { QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueue, bullPrefix, getQueue } from "@/server/queues/queues";
import { createRedisConnection } from "@/server/redis";
import { readWorkerHeartbeat } from "@/server/system/heartbeat";
import { checkHealth } from "@/server/system/health";
import { startWorker, type RunningWorker } from "./worker";

describe("worker", () => {
  let running: RunningWorker;
  let events: QueueEvents;

  beforeAll(async () => {
    running = await startWorker();
    events = new QueueEvents("system", { connection: createRedisConnection({ maxRetriesPerRequest: null }), prefix: bullPrefix() });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events.close();
    // Only the workers: the file's teardown closes queues, Prisma and Redis.
    await Promise.all(running.workers.map((w) => w.close()));
  });

  it("processes a heartbeat job end to end and health reports its age", async () => {
    const job = await enqueue("system", { kind: "heartbeat" });
    await job.waitUntilFinished(events, 10_000);
    const beat = await readWorkerHeartbeat();
    expect(beat).not.toBeNull();
    expect(Date.now() - beat!.getTime()).toBeLessThan(10_000);

    const health = await checkHealth();
    expect(health.ok).toBe(true);
    expect(health.worker.ageSeconds).toBeLessThan(10);
  });

  it("registers the heartbeat schedule once, however many times the worker boots", async () => {
    const second = await startWorker({ queues: [] });
    const schedulers = await getQueue("system").getJobSchedulers();
    expect(schedulers.filter((s) => s.key === "worker-heartbeat")).toHaveLength(1);
    await Promise.all(second.workers.map((w) => w.close()));
  });

  it("refuses a payload that breaks the queue contract before it reaches Redis", async () => {
    await expect(enqueue("system", { kind: "nope" } as never)).rejects.toThrow();
    expect(await getQueue("system").getWaitingCount()).toBe(0);
  });
});
