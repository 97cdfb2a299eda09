import type { Job } from "bullmq";
import { describe, expect, it } from "vitest";
import { enqueue, getQueue } from "@/server/queues/queues";
import { readWorkerHeartbeat } from "@/server/system/heartbeat";
import { getRequestContext, runWithRequestContext, type RequestContext } from "@/server/observability/request-context";
import { checkReadiness } from "@/server/system/health";
import { useInProcessWorker, withSystemProcessor } from "@/test/worker";
import type { processors } from "./processors";
import { startWorker } from "./worker";

describe("worker", () => {
  const worker = useInProcessWorker();

  it("processes a heartbeat job end to end and health reports its age", async () => {
    const job = await enqueue("system", { kind: "heartbeat" });
    await job.waitUntilFinished(worker.events, 10_000);
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
    const record = (original: typeof processors.system.handle): typeof original => async (payload, job) => {
      seen.push(getRequestContext());
      return original(payload, job);
    };
    return withSystemProcessor(record, async () => {
      const job = await enqueueJob();
      await job.waitUntilFinished(worker.events, 10_000);
      return { job, seen };
    });
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
    second.maintenance.stop();
    await Promise.all(second.workers.map((w) => w.close()));
  });

  it("refuses a payload that breaks the queue contract before it reaches Redis", async () => {
    await expect(enqueue("system", { kind: "nope" } as never)).rejects.toThrow();
    expect(await getQueue("system").getWaitingCount()).toBe(0);
  });
});
