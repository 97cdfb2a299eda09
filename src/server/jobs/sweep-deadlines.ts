/**
 * The safety net under the timers: every TIMER_SWEEP_SECONDS the worker applies each deadline that passed while
 * its job still waits in the scheduled state (a timer lost with Redis, or one that failed all its retries).
 * Each job goes through the same guarded service as its timer, so a sweep racing a timer changes nothing twice.
 */
import type { Db } from "@/server/db";
import { logger } from "@/server/logger";
import { autoConfirmJob } from "./confirm-job";
import { expireJob } from "./expire-job";
import { openJobToAll } from "./open-to-all";
import { cancelOverduePayments } from "./payment-gate";
import { releaseAfterStartDeadline } from "./release-job";
import { cancelAfterAnswerDeadline } from "./unreachable";

const BATCH = 500;

export type SweepResult = {
  expired: number; released: number; autoConfirmed: number; openedToAll: number; unansweredCancelled: number; unpaidCancelled: number; failed: number;
};

export async function sweepDeadlines(db: Db, now = new Date()): Promise<SweepResult> {
  const result: SweepResult = { expired: 0, released: 0, autoConfirmed: 0, openedToAll: 0, unansweredCancelled: 0, unpaidCancelled: 0, failed: 0 };
  // Each list uses its (status, deadline) index.
  const [toExpire, toRelease, toConfirm, toOpen, toCancel] = await Promise.all([
    db.cleanupJob.findMany({ where: { status: "OPEN", expiresAt: { lte: now } }, select: { id: true }, take: BATCH }),
    db.cleanupJob.findMany({ where: { status: "CLAIMED", startDeadlineAt: { lte: now } }, select: { id: true }, take: BATCH }),
    db.cleanupJob.findMany({ where: { status: "COMPLETED", autoConfirmAt: { lte: now } }, select: { id: true }, take: BATCH }),
    db.cleanupJob.findMany({ where: { status: "OPEN", exclusiveScooperId: { not: null }, exclusiveUntil: { lte: now } }, select: { id: true }, take: BATCH }),
    db.cleanupJob.findMany({ where: { status: "UNREACHABLE", answerDeadlineAt: { lte: now } }, select: { id: true }, take: BATCH }),
  ]);
  const apply = async (ids: { id: string }[], fn: (id: string) => Promise<boolean>, key: keyof SweepResult) => {
    for (const { id } of ids) {
      try {
        if (await fn(id)) result[key]++;
      } catch (err) {
        // One bad job does not stop the sweep.
        result.failed++;
        logger.error({ err, jobId: id, key }, "sweep could not apply a deadline");
      }
    }
  };
  await apply(toExpire, (id) => expireJob(db, id, now), "expired");
  await apply(toRelease, (id) => releaseAfterStartDeadline(db, id, now), "released");
  await apply(toConfirm, (id) => autoConfirmJob(db, id, now), "autoConfirmed");
  await apply(toOpen, (id) => openJobToAll(db, id, now), "openedToAll");
  await apply(toCancel, (id) => cancelAfterAnswerDeadline(db, id, now), "unansweredCancelled");
  // Posted jobs whose payment was never completed (payment-gate.ts).
  const unpaid = await cancelOverduePayments(db, now);
  result.unpaidCancelled = unpaid.cancelled;
  result.failed += unpaid.failed;
  return result;
}
