/**
 * A job's deadlines as BullMQ delayed jobs on the `timers` queue, one per (kind, job) with the id
 * `<kind>-<jobId>` (BullMQ forbids ":" in custom ids). Scheduling happens after the transaction commits and is
 * best effort: if Redis is unreachable the sweep (sweep-deadlines.ts) applies the deadline a few minutes late.
 * A timer that fires for a job that has moved on does nothing, because every transition is state-guarded.
 */
import { enqueue, getQueue, jobData, withinHandOverTime } from "@/server/queues/queues";
import { logger } from "@/server/logger";
import { addSoon, removeSoon } from "@/server/outbox/add-batcher";

export type TimerKind = "expire" | "start-deadline" | "auto-confirm" | "open-to-all" | "answer-deadline";

export const TIMER_OPTIONS = {
  removeOnComplete: true,
  removeOnFail: true,
  attempts: 6,
  backoff: { type: "exponential", delay: 2_000 },
} as const;

export function timerId(kind: TimerKind, jobId: string): string {
  return `${kind}-${jobId}`;
}

export async function scheduleJobTimer(kind: TimerKind, jobId: string, at: Date): Promise<void> {
  const id = timerId(kind, jobId);
  try {
    // A previous timer with the same id (an earlier claim of the same job) would make BullMQ ignore the new one.
    await withinHandOverTime(getQueue("timers").remove(id)).catch(() => 0);
    await withinHandOverTime(enqueue("timers", { kind, jobId }, { ...TIMER_OPTIONS, jobId: id, delay: Math.max(0, at.getTime() - Date.now()) }));
  } catch (err) {
    logger.warn({ err, kind, jobId }, "could not schedule a job timer; the sweep will apply it");
  }
}

/**
 * Several timer changes of one job at once (a claim cancels the expiry and schedules the start deadline): every
 * removal, then every new timer, go out in the one pipeline this turn's hand-overs share (src/server/outbox/
 * add-batcher.ts) — one Redis write whatever the count, shared with the claims that finish in the same turn.
 * Best effort like the single versions.
 */
export async function moveJobTimers(jobId: string, change: { cancel?: TimerKind[]; schedule?: { kind: TimerKind; at: Date }[] }): Promise<void> {
  const schedule = change.schedule ?? [];
  const cancel = [...(change.cancel ?? []), ...schedule.map((s) => s.kind)];
  try {
    const now = Date.now();
    // Queued before the adds, so a new timer never meets the one it replaces (BullMQ would ignore it).
    const removed = removeSoon("timers", cancel.map((kind) => timerId(kind, jobId))).then((errors) =>
      errors.forEach((err, i) => err && logger.debug({ err, kind: cancel[i], jobId }, "could not remove a job timer")),
    );
    const added = addSoon("timers", schedule.map(({ kind, at }) => ({
      name: kind,
      data: jobData("timers", { kind, jobId }),
      opts: { ...TIMER_OPTIONS, jobId: timerId(kind, jobId), delay: Math.max(0, at.getTime() - now) },
    })));
    await withinHandOverTime(Promise.all([removed, added]));
  } catch (err) {
    logger.warn({ err, jobId, schedule: schedule.map((s) => s.kind) }, "could not schedule job timers; the sweep will apply them");
  }
}

/**
 * Fresh timers of many jobs (a batch of generated jobs opening) in one `addBulk`. Nothing to remove first: the
 * jobs never had these timers. Best effort like the others.
 */
export async function scheduleJobTimersInBulk(timers: { kind: TimerKind; jobId: string; at: Date }[]): Promise<void> {
  if (timers.length === 0) return;
  try {
    const now = Date.now();
    await withinHandOverTime(getQueue("timers").addBulk(timers.map(({ kind, jobId, at }) => ({
      name: kind,
      data: jobData("timers", { kind, jobId }),
      opts: { ...TIMER_OPTIONS, jobId: timerId(kind, jobId), delay: Math.max(0, at.getTime() - now) },
    }))));
  } catch (err) {
    logger.warn({ err, timers: timers.length }, "could not schedule a batch of job timers; the sweep will apply them");
  }
}

export async function cancelJobTimer(kind: TimerKind, jobId: string): Promise<void> {
  try {
    await withinHandOverTime(getQueue("timers").remove(timerId(kind, jobId)));
  } catch (err) {
    // A timer that is running right now cannot be removed; it will find the job moved on and do nothing.
    logger.debug({ err, kind, jobId }, "could not remove a job timer");
  }
}

/** Thrown by a timer that fired before its deadline (clock skew): BullMQ retries it with backoff. */
export class DeadlineNotReachedError extends Error {
  constructor(kind: TimerKind, jobId: string) {
    super(`${kind} timer for job ${jobId} fired before its deadline`);
    this.name = "DeadlineNotReachedError";
  }
}
