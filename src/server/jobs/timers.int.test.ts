/**
 * Deadlines with shortened durations, fired by the real worker started in-process. The durations are set
 * before any app module reads the environment (vi.hoisted runs above the imports).
 */
import { QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.JOB_EXPIRY_SECONDS = "2";
  process.env.START_DEADLINE_SECONDS = "2";
  process.env.AUTO_CONFIRM_SECONDS = "2";
  process.env.REOPEN_MIN_REMAINING_SECONDS = "1";
});

import { db } from "@/server/db";
import { expireJob } from "@/server/jobs/expire-job";
import { sweepDeadlines } from "@/server/jobs/sweep-deadlines";
import { bullPrefix, enqueue, getQueue } from "@/server/queues/queues";
import { createRedisConnection } from "@/server/redis";
import { addPhotoRow, cast, validJobInput } from "@/test/factories";
import { startWorker, type RunningWorker } from "../../../worker/worker";

let running: RunningWorker;
let events: QueueEvents;

beforeAll(async () => {
  // No schedules: the periodic sweep would also apply deadlines and hide whether the timers fired.
  running = await startWorker({ queues: ["timers"], schedules: false });
  events = new QueueEvents("timers", { connection: createRedisConnection({ maxRetriesPerRequest: null }), prefix: bullPrefix() });
  await events.waitUntilReady();
});
afterAll(async () => {
  await events.close();
  await Promise.all(running.workers.map((w) => w.close()));
});

async function waitForStatus(jobId: string, status: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId } });
    if (row.status === status) return row;
    if (Date.now() > until) throw new Error(`job ${jobId} is ${row.status}, expected ${status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("job timers", () => {
  it("expires an unclaimed job when its expiry passes (system actor)", async () => {
    const { customer } = await cast();
    const { id } = await customer.api.jobs.post(validJobInput);
    const row = await waitForStatus(id, "EXPIRED");
    expect(row.expiredAt).not.toBeNull();
    const ev = await db.jobEvent.findFirstOrThrow({ where: { jobId: id, type: "expired" } });
    expect(ev).toMatchObject({ actorId: null, fromStatus: "OPEN", toStatus: "EXPIRED" });
  });

  it("releases a claim whose start deadline passed, back to OPEN with time left", async () => {
    const { customer, scooper } = await cast();
    const { id } = await customer.api.jobs.post({ ...validJobInput });
    await scooper.api.jobs.claim({ jobId: id });
    const row = await waitForStatus(id, "OPEN");
    expect(row.scooperId).toBeNull();
    expect(await db.jobEvent.count({ where: { jobId: id, type: "start_deadline_passed", actorId: null } })).toBe(1);
  });

  it("auto-confirms a completed job when nobody confirmed it", async () => {
    const { customer, scooper } = await cast();
    const { id } = await customer.api.jobs.post(validJobInput);
    await scooper.api.jobs.claim({ jobId: id });
    await scooper.api.jobs.start({ jobId: id });
    await addPhotoRow(id, scooper, "AFTER");
    await scooper.api.jobs.complete({ jobId: id });
    await waitForStatus(id, "CONFIRMED");
    expect(await db.jobEvent.count({ where: { jobId: id, type: "auto_confirmed", actorId: null } })).toBe(1);
  });

  it("a timer firing after the state moved on changes nothing, however often it fires", async () => {
    const { customer, scooper } = await cast();
    const { id } = await customer.api.jobs.post(validJobInput);
    await scooper.api.jobs.claim({ jobId: id });
    await scooper.api.jobs.start({ jobId: id });
    await sleep(2_500);
    // Late and duplicate timers for states the job has left.
    for (const kind of ["expire", "start-deadline", "auto-confirm"] as const) {
      for (let i = 0; i < 2; i++) {
        const job = await enqueue("timers", { kind, jobId: id }, { jobId: `late-${kind}-${id}-${i}`, attempts: 1 });
        await job.waitUntilFinished(events, 10_000);
      }
    }
    const row = await db.cleanupJob.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("IN_PROGRESS");
    expect(await db.jobEvent.count({ where: { jobId: id, type: { in: ["expired", "start_deadline_passed", "auto_confirmed"] } } })).toBe(0);
    // And the service itself refuses twice in a row.
    expect(await expireJob(db, id)).toBe(false);
  });

  it("the sweep applies a deadline whose timer was deleted", async () => {
    const { customer } = await cast();
    const { id } = await customer.api.jobs.post(validJobInput);
    expect(await getQueue("timers").remove(`expire-${id}`)).toBe(1);
    await sleep(2_500);
    expect((await db.cleanupJob.findUniqueOrThrow({ where: { id } })).status).toBe("OPEN");
    const sweep = await enqueue("timers", { kind: "sweep" });
    const result = (await sweep.waitUntilFinished(events, 10_000)) as Awaited<ReturnType<typeof sweepDeadlines>>;
    expect(result.expired).toBeGreaterThanOrEqual(1);
    expect((await db.cleanupJob.findUniqueOrThrow({ where: { id } })).status).toBe("EXPIRED");
    // A second sweep finds nothing more to do for it.
    await sweepDeadlines(db);
    expect(await db.jobEvent.count({ where: { jobId: id, type: "expired" } })).toBe(1);
  });
});
