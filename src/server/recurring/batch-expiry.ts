/**
 * The expiry of a batch of generated jobs as one `timers` job (`expire-batch`) instead of one delayed job per job:
 * a batch's jobs are created together, so they share their expiry. Queuing 20 000 delayed jobs at 06:00 cost about
 * a quarter of the run's CPU (bench:recurring), one per batch almost none.
 *
 * When it fires, each of the batch's jobs still OPEN goes through `expireJob`, the same guarded transition as a
 * job's own timer and the sweep. A job that moved on (claimed, cancelled) is left alone; one whose expiry moved
 * later (claimed, then released back to the board) got its own `expire` timer then, and is left to it. If the
 * timer fired before the deadline (clock skew) it throws, and BullMQ retries it like a job's own timer.
 */
import type { Db } from "@/server/db";
import { expireJob } from "@/server/jobs/expire-job";
import { DeadlineNotReachedError, TIMER_OPTIONS } from "@/server/jobs/timers";
import { logger } from "@/server/logger";
import { enqueue, withinHandOverTime } from "@/server/queues/queues";

/** One expiry timer per expiry time of the batch (all of it, for jobs generated together). Best effort: the sweep applies a lost one. */
export async function scheduleBatchExpiry(jobs: { id: string; expiresAt: Date }[]): Promise<void> {
  const byTime = new Map<number, string[]>();
  for (const job of jobs) {
    const at = job.expiresAt.getTime();
    const ids = byTime.get(at);
    if (ids) ids.push(job.id);
    else byTime.set(at, [job.id]);
  }
  await Promise.all(
    [...byTime].map(async ([at, jobIds]) => {
      try {
        await withinHandOverTime(
          enqueue("timers", { kind: "expire-batch", jobIds, at }, { ...TIMER_OPTIONS, jobId: `expire-batch-${jobIds[0]}`, delay: Math.max(0, at - Date.now()) }),
        );
      } catch (err) {
        logger.warn({ err, jobs: jobIds.length }, "could not schedule a generated batch's expiry; the sweep will apply it");
      }
    }),
  );
}

/** The worker's side: expires the batch's jobs still OPEN past `at`; returns how many it expired. */
export async function expireBatch(db: Db, jobIds: string[], at: number): Promise<number> {
  const open = await db.cleanupJob.findMany({ where: { id: { in: jobIds }, status: "OPEN" }, select: { id: true, expiresAt: true } });
  let expired = 0;
  let early: string | null = null;
  for (const job of open) {
    if (job.expiresAt.getTime() > at) continue;
    try {
      if (await expireJob(db, job.id)) expired++;
    } catch (err) {
      if (!(err instanceof DeadlineNotReachedError)) throw err;
      early ??= job.id;
    }
  }
  if (early) throw new DeadlineNotReachedError("expire", early);
  return expired;
}
