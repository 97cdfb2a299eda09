/**
 * Money moves for job transitions. Authorization happens in the request (the customer must hear at once if
 * their card is refused); everything after commit (capture, void, cancellation fee) is a `payments` queue job
 * with a deterministic id, retried with backoff by the worker. Each provider call is idempotent on its own key
 * (provider.ts), so a retried or duplicated settlement moves money once.
 */
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { enqueue } from "@/server/queues/queues";
import { getPaymentProvider } from "./get-provider";

export type SettlementStep = "authorize" | "capture" | "void" | "cancellation-fee";

/** Holds the job's price on the customer's card. Throws AppError("PRECONDITION_FAILED") when refused. */
export async function authorizePostedJob(input: { jobId: string; customerId: string; amountCents: number }) {
  try {
    return await getPaymentProvider().authorizeJobPayment(input);
  } catch (err) {
    if (err instanceof AppError) throw err;
    logger.warn({ err, jobId: input.jobId }, "payment authorization failed");
    throw new AppError("PRECONDITION_FAILED", "Your payment could not be authorized, so the job was not posted. Check your card and try again.");
  }
}

export async function queueSettlement(jobId: string, step: SettlementStep): Promise<void> {
  try {
    await enqueue("payments", { kind: "settle", jobId, step }, { jobId: `settle-${step}-${jobId}`, attempts: 8, backoff: { type: "exponential", delay: 10_000 } });
  } catch (err) {
    logger.error({ err, jobId, step }, "could not queue a payment settlement");
  }
}

/** The worker's side of `queueSettlement`. */
export async function settleJob(db: Db, jobId: string, step: SettlementStep) {
  const provider = getPaymentProvider();
  if (step === "authorize") {
    // Generated recurring jobs: authorized by the worker right after generation, like a post in the request.
    const job = await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId }, select: { posterId: true, priceCents: true } });
    return provider.authorizeJobPayment({ jobId, customerId: job.posterId, amountCents: job.priceCents });
  }
  const payment = await db.payment.findUnique({ where: { jobId }, select: { id: true } });
  // Jobs from before payments existed (or created directly by admins/tests) have nothing to settle.
  if (!payment) return { skipped: "no payment" };
  if (step === "capture") return provider.captureJobPayment({ jobId });
  if (step === "void") return provider.voidJobPayment({ jobId });
  const job = await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId }, select: { scooperId: true } });
  if (!job.scooperId) return provider.voidJobPayment({ jobId });
  return provider.settleCancellationFee({ jobId, scooperId: job.scooperId });
}
