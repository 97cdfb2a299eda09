/**
 * The per-turn pipeline of hand-overs against real Redis: what it writes reads back through BullMQ's own API, as
 * `Queue.addBulk` and `Queue.remove` would have left it.
 */
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { getQueue, jobData } from "@/server/queues/queues";
import { moveJobTimers, TIMER_OPTIONS, timerId } from "@/server/jobs/timers";
import { addSoon, removeSoon } from "./add-batcher";

const HOUR = 3_600_000;

describe("hand-overs coalesced per turn", () => {
  it("adds delayed jobs with the queue's defaults merged in, as addBulk does", async () => {
    const jobId = crypto.randomUUID();
    const id = timerId("expire", jobId);
    await addSoon("timers", [{ name: "expire", data: jobData("timers", { kind: "expire", jobId }), opts: { ...TIMER_OPTIONS, jobId: id, delay: HOUR } }]);
    const job = await getQueue("timers").getJob(id);
    expect(job?.name).toBe("expire");
    expect(job?.data).toMatchObject({ kind: "expire", jobId });
    expect(job?.opts).toMatchObject({ attempts: 6, delay: HOUR, removeOnComplete: true });
    await expect(job?.getState()).resolves.toBe("delayed");
  });

  it("removes and re-adds a timer with the same id in one turn, in the order asked", async () => {
    const jobId = crypto.randomUUID();
    const queue = getQueue("timers");
    const at = (ms: number) => new Date(Date.now() + ms);
    await moveJobTimers(jobId, { schedule: [{ kind: "start-deadline", at: at(HOUR) }] });
    const first = await queue.getJob(timerId("start-deadline", jobId));
    // A second claim of the same job: the earlier deadline goes, the new one (later) takes its id.
    await moveJobTimers(jobId, { cancel: ["expire"], schedule: [{ kind: "start-deadline", at: at(2 * HOUR) }] });
    const second = await queue.getJob(timerId("start-deadline", jobId));
    expect(second?.opts.delay).toBeGreaterThan(first!.opts.delay! + HOUR / 2);
    await expect(queue.getJob(timerId("expire", jobId))).resolves.toBeUndefined();
  });

  it("hands several queues' work over in one turn, each caller answered with its own outcome", async () => {
    const heartbeat = `heartbeat-${crypto.randomUUID()}`;
    const [missing, added] = await Promise.all([
      // A job that is not there: no error, as with Queue.remove.
      removeSoon("timers", [`expire-${crypto.randomUUID()}`]),
      addSoon("system", [{ name: "heartbeat", data: jobData("system", { kind: "heartbeat" }), opts: { jobId: heartbeat, delay: HOUR } }]),
    ]);
    expect(missing).toEqual([null]);
    expect(added).toBeUndefined();
    const job = await getQueue("system").getJob(heartbeat);
    expect(job?.opts).toMatchObject({ attempts: 5, delay: HOUR });
    await job?.remove();
  });
});
