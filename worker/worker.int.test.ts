import { QueueEvents, type Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueue, bullPrefix, getQueue } from "@/server/queues/queues";
import { createRedisConnection } from "@/server/redis";
import { readWorkerHeartbeat } from "@/server/system/heartbeat";
import { getRequestContext, runWithRequestContext, type RequestContext } from "@/server/observability/request-context";
import { checkReadiness } from "@/server/system/health";
import { processors } from "./processors";
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

    const health = await checkReadiness();
    expect(health.ok).toBe(true);
    expect(health.worker.ageSeconds).toBeLessThan(10);
  });

  /** Runs `enqueueJob`, waits for the worker, and returns the request context(s) the processor ran in. */
  async function contextsSeenBy(enqueueJob: () => Promise<Job>) {
    // The logger reads this same context for every line it writes, so this is what the job's logs carry.
    const seen: (RequestContext | undefined)[] = [];
    const original = processors.system.handle;
    processors.system.handle = async (payload, job) => {
      seen.push(getRequestContext());
      return original(payload, job);
    };
    try {
      const job = await enqueueJob();
      await job.waitUntilFinished(events, 10_000);
      return { job, seen };
    } finally {
      processors.system.handle = original;
    }
  }

  it("carries the request id of the enqueueing request into the worker's processing of the job", async () => {
    const { job, seen } = await contextsSeenBy(() =>
      runWithRequestContext({ requestId: "req-from-web-1", userId: "user-1" }, () => enqueue("system", { kind: "heartbeat" })),
    );
    expect(seen).toEqual([{ requestId: "req-from-web-1", userId: "user-1", queue: "system", jobId: job.id }]);
  });

  it("gives a job enqueued outside any request a fresh id of its own", async () => {
    const { job, seen } = await contextsSeenBy(() => enqueue("system", { kind: "heartbeat" }));
    expect(seen[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[0]?.jobId).toBe(job.id);
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
