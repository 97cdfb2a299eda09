/**
 * Tip (after a review): charged to the card that paid the job, all of it to the scooper — paid into their payout
 * account at once when they have one, else owed until `payOwedPayouts`. One per job.
 */
import { AppError } from "@/server/errors";
import type { PaymentsContext } from "../context";
import { bookTip, findOperationResult, getJobPayment, runOnce } from "../payment-book";
import { payoutDestination } from "../payouts/transfers";
import { queueReceiptFor } from "../receipt-email";
import { paymentKeys, type PaymentResult } from "../types";
import { assertCents, jobGroup, requireStatus } from "./step";

export async function recordTip(ctx: PaymentsContext, { jobId, tipCents }: { jobId: string; tipCents: number }): Promise<PaymentResult> {
  const { db } = ctx;
  const idempotencyKey = paymentKeys.tip(jobId);
  const done = await findOperationResult(db, idempotencyKey);
  if (done) return queueReceiptFor(db, done);
  assertCents(tipCents, "tip");
  const payment = await getJobPayment(db, jobId);
  requireStatus(payment, ["CAPTURED", "PARTIALLY_REFUNDED"], "tip", "payment.tipAfterPaid");
  if (payment.tipCents > 0 || !payment.scooperId) throw new AppError("CONFLICT", payment.tipCents > 0 ? "payment.alreadyTipped" : "payment.cannotTip");
  const destination = await payoutDestination(ctx, payment.scooperId);
  const charge = await ctx.gateway.chargeSavedCard({
    key: idempotencyKey, fromRef: payment.providerRef, amountCents: tipCents, destination, metadata: { jobId, kind: "tip" }, group: jobGroup(jobId),
  });
  const transferRef = destination ? charge.ref : null;
  const booked = await runOnce(db, idempotencyKey, (tx) => bookTip(tx, { idempotencyKey, jobId, tipCents, transferRef }));
  return queueReceiptFor(db, booked);
}
