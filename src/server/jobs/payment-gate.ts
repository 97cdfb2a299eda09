/**
 * A job is not OPEN until its money is held. A job whose authorization does not succeed at once (Stripe: the
 * customer still has to confirm the card in the browser; a generated recurring job waiting for its funding) is
 * created AWAITING_PAYMENT, seen only by its poster and admins. These are its only ways out:
 *  - `openPaidJob`: the authorization succeeded (request, card confirmation, Stripe webhook, or the worker's
 *    funding of a generated job) → OPEN, with its expiry counted from now, its timers and its board pin;
 *  - `cancelUnpaidJob`: the payment was refused, or PAYMENT_WINDOW_MINUTES passed (`cancelOverduePayments`, run
 *    by the timers sweep) → CANCELLED, and any hold is released. A job whose authorization the worker still owes
 *    (its `settle-authorize` outbox row is PENDING: the worker was down, or a large morning's backlog) is not
 *    cancelled for it until JOB_EXPIRY_SECONDS after it was created, when it would have expired anyway.
 * Both are state-guarded, so the webhook, the browser and the sweep racing each other change the job once.
 */
import { env } from "@/env";
import type { Db } from "@/server/db";
import { logger } from "@/server/logger";
import { jobChangeNotification } from "@/server/notifications/job-change";
import { commitWithEffects } from "@/server/outbox/outbox";
import { settlement } from "@/server/jobs/settlement";
import { announceJobChange } from "./announce";
import { jobRules } from "./config";
import { moveJobTimers } from "./timers";
import { tryTransition } from "./transition";

export async function openPaidJob(db: Db, jobId: string, now = new Date()): Promise<boolean> {
  const job = await db.cleanupJob.findUnique({ where: { id: jobId }, select: { status: true, posterId: true, recurringId: true, exclusiveScooperId: true } });
  if (job?.status !== "AWAITING_PAYMENT") return false;
  const expiresAt = new Date(now.getTime() + jobRules.expiryMs);
  const exclusiveUntil = job.exclusiveScooperId ? new Date(now.getTime() + env.PREFERRED_SCOOPER_WINDOW_MINUTES * 60_000) : null;
  const moved = await commitWithEffects(db, async (tx, emit) => {
    const done = await tryTransition(tx, {
      jobId, from: "AWAITING_PAYMENT", to: "OPEN", event: "posted",
      // A generated job is posted by the schedule, a one-off by its customer.
      actorId: job.recurringId ? null : job.posterId,
      data: { expiresAt, exclusiveUntil },
      details: { paid: true },
    });
    // The customer's preferred scooper hears that it is theirs to claim first.
    if (done && exclusiveUntil) emit(jobChangeNotification(jobId, "reserved"));
    return done;
  });
  if (!moved) return false;
  // Timers and the board pin at once: the worker opens a whole day's generated jobs through here.
  await Promise.all([
    moveJobTimers(jobId, { schedule: [{ kind: "expire", at: expiresAt }, ...(exclusiveUntil ? [{ kind: "open-to-all" as const, at: exclusiveUntil }] : [])] }),
    announceJobChange(db, jobId, "posted"),
  ]);
  return true;
}

export async function cancelUnpaidJob(db: Db, jobId: string, reason: string): Promise<boolean> {
  const moved = await commitWithEffects(db, async (tx, emit) => {
    const done = await tryTransition(tx, {
      jobId, from: "AWAITING_PAYMENT", to: "CANCELLED", event: "payment_failed", actorId: null,
      data: { cancelledAt: new Date(), cancelReason: reason }, details: { reason },
    });
    // A pending Stripe authorization is cancelled too (a job with no payment row has nothing to settle), and the
    // customer is told (a generated visit whose card was declined, a card form never finished).
    if (done) emit(settlement(jobId, "void"), jobChangeNotification(jobId, "cancelled"));
    return done;
  });
  if (!moved) return false;
  await announceJobChange(db, jobId, "cancelled");
  return true;
}

/**
 * The sweep's part: jobs still waiting for their payment after PAYMENT_WINDOW_MINUTES are cancelled, except one
 * whose money is held after all (its opening was lost after the authorization committed): that one opens.
 */
export async function cancelOverduePayments(db: Db, now = new Date()): Promise<{ cancelled: number; failed: number }> {
  const before = new Date(now.getTime() - env.PAYMENT_WINDOW_MINUTES * 60_000);
  const overdue = await db.cleanupJob.findMany({
    where: { status: "AWAITING_PAYMENT", createdAt: { lte: before } }, select: { id: true, createdAt: true, payment: { select: { status: true } } }, take: 500,
  });
  // The worker has not tried these authorizations yet: waiting on the worker is not the customer's failure to pay.
  const authorizeKey = (jobId: string) => settlement(jobId, "authorize").key!;
  const owed = await db.outboxMessage.findMany({
    where: { status: "PENDING", dedupeKey: { in: overdue.map(({ id }) => authorizeKey(id)) } }, select: { dedupeKey: true },
  });
  const stillOwed = new Set(owed.map((row) => row.dedupeKey));
  let cancelled = 0;
  let failed = 0;
  for (const { id, createdAt, payment } of overdue) {
    try {
      if (payment?.status === "AUTHORIZED") await openPaidJob(db, id, now);
      else if (stillOwed.has(authorizeKey(id)) && createdAt.getTime() > now.getTime() - jobRules.expiryMs) continue;
      else if (await cancelUnpaidJob(db, id, "payment not completed in time")) cancelled++;
    } catch (err) {
      failed++;
      logger.error({ err, jobId: id }, "could not cancel an unpaid job");
    }
  }
  return { cancelled, failed };
}
