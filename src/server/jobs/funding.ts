/**
 * Job funding: which money step a job's transition owes, on the jobs side (payments knows nothing of jobs).
 * Authorization of a posted job happens in the request (the customer must hear at once if their card is refused);
 * everything else (a generated job's authorization, capture, void, cancellation fee, a dispute's outcome, a
 * review's tip) is an outbox effect of the transition's transaction (settlement.ts), run here by the worker and
 * retried with backoff. Each money step is idempotent on its own key (payments/steps), so a retried or duplicated
 * settlement moves money once.
 */
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { getBilling } from "@/server/payments/billing/billing";
import { jobPayments } from "@/server/payments/steps";
import { cancelUnpaidJob, openPaidJob } from "./payment-gate";
import type { SettlementStep } from "./settlement";

/** Holds the job's price on the customer's card. Throws AppError("PRECONDITION_FAILED") when refused. */
export async function authorizePostedJob(input: { jobId: string; customerId: string; amountCents: number }) {
  try {
    return await jobPayments().authorizeJobPayment(input);
  } catch (err) {
    if (err instanceof AppError) throw err;
    logger.warn({ err, jobId: input.jobId }, "payment authorization failed");
    throw new AppError("PRECONDITION_FAILED", "job.paymentNotAuthorized");
  }
}

/** The worker's side of a `settlement` effect. */
export async function settleJob(db: Db, jobId: string, step: SettlementStep) {
  const money = jobPayments();
  if (step === "authorize") return authorizeGeneratedJob(db, jobId);
  const payment = await db.payment.findUnique({ where: { jobId }, select: { id: true, status: true } });
  // Jobs from before payments existed (or created directly by admins/tests) have nothing to settle.
  if (!payment) return { skipped: "no payment" };
  // A refused or already released authorization holds nothing to release.
  if (step === "void" && !["AUTHORIZED", "PENDING", "FAILED"].includes(payment.status)) return { skipped: `payment ${payment.status.toLowerCase()}` };
  if (step === "capture") return money.captureJobPayment({ jobId });
  if (step === "void") return money.voidJobPayment({ jobId });
  if (step === "dispute-resolution") return settleDisputeResolution(db, jobId);
  if (step === "tip") {
    const review = await db.review.findUniqueOrThrow({ where: { jobId }, select: { tipCents: true } });
    return review.tipCents > 0 ? money.recordTip({ jobId, tipCents: review.tipCents }) : { skipped: "no tip" };
  }
  const job = await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId }, select: { scooperId: true } });
  if (!job.scooperId) return money.voidJobPayment({ jobId });
  return money.settleCancellationFee({ jobId, scooperId: job.scooperId });
}

/**
 * Generated recurring jobs are paid by the worker right after generation (a batch of thousands cannot wait on
 * Stripe in the request): from a prepaid visit or the card on file (billing.authorizeRecurringJob). A job that
 * waits AWAITING_PAYMENT (Stripe) opens when the money is held, and is cancelled when it is refused or needs the
 * customer at the keyboard (3-D Secure); with the ledger it is OPEN already and this only books the hold.
 */
async function authorizeGeneratedJob(db: Db, jobId: string) {
  const money = jobPayments();
  const job = await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId }, select: { posterId: true, priceCents: true, recurringId: true, status: true } });
  // Cancelled (or expired) before its money was taken: take none. (A ledger job may already be claimed: it still pays.)
  if (job.status === "CANCELLED" || job.status === "EXPIRED") return { skipped: `job ${job.status.toLowerCase()}` };
  const input = { jobId, customerId: job.posterId, amountCents: job.priceCents };
  let result;
  try {
    result = job.recurringId ? await getBilling().authorizeRecurringJob({ ...input, recurringId: job.recurringId }) : await money.authorizeJobPayment(input);
  } catch (err) {
    if (job.status === "AWAITING_PAYMENT" && err instanceof AppError && err.code === "PRECONDITION_FAILED") {
      await cancelUnpaidJob(db, jobId, `payment not authorized: ${err.message}`.slice(0, 500));
      return { skipped: "payment refused" };
    }
    throw err;
  }
  if (job.status === "AWAITING_PAYMENT") {
    if (result.status === "AUTHORIZED") await openPaidJob(db, jobId);
    else await cancelUnpaidJob(db, jobId, "the card needs the customer to confirm the payment");
  }
  // The job may have been cancelled while its money was being taken; its own void found nothing to release then
  // (and is not queued twice), so release it here.
  const now = await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } });
  if (now.status === "CANCELLED" || now.status === "EXPIRED") {
    const payment = await db.payment.findUnique({ where: { jobId }, select: { status: true } });
    if (payment && ["AUTHORIZED", "PENDING", "FAILED"].includes(payment.status)) return money.voidJobPayment({ jobId });
  }
  return result;
}

/**
 * RELEASE captures in full (the scooper is paid); PARTIAL_REFUND captures, then refunds exactly the decided amount
 * (taken from fee and payout in proportion, by the refund step); FULL_REFUND releases the hold, so nothing is charged.
 * The payment stayed AUTHORIZED while the job was disputed; every call is idempotent on its own key.
 */
async function settleDisputeResolution(db: Db, jobId: string) {
  const money = jobPayments();
  const dispute = await db.dispute.findUniqueOrThrow({ where: { jobId }, select: { outcome: true, refundCents: true } });
  if (!dispute.outcome) throw new Error(`dispute of job ${jobId} is not resolved`);
  if (dispute.outcome === "FULL_REFUND") {
    const payment = await db.payment.findUniqueOrThrow({ where: { jobId }, select: { capturedCents: true, refundedCents: true } });
    // Captured by something else first (should not happen while disputed): give all of it back instead.
    if (payment.capturedCents > 0) {
      return money.refundJobPayment({ jobId, amountCents: payment.capturedCents, reason: "DISPUTE_FULL_REFUND", refundNo: 1 });
    }
    return money.voidJobPayment({ jobId });
  }
  const captured = await money.captureJobPayment({ jobId });
  if (dispute.outcome === "RELEASE") return captured;
  return money.refundJobPayment({ jobId, amountCents: dispute.refundCents ?? 0, reason: "DISPUTE_PARTIAL_REFUND", refundNo: 1 });
}
