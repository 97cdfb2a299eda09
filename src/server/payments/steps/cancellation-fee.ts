/**
 * Cancellation fee (the poster cancels a claimed job, an unanswered "can't get in"): charges only the fee — the
 * job's own rate, raised to its minimum after "on my way", or what an admin decided — all of it to the scooper,
 * and releases the rest of the hold. A prepaid visit was charged in full: everything but the fee is refunded.
 */
import type { PaymentsContext } from "../context";
import { bookCancellationFee, findOperationResult, getJobPayment, resolveCancellationFee, runOnce, startHoldStep } from "../payment-book";
import { transferToScooper } from "../payouts/transfers";
import { queueReceiptFor } from "../receipt-email";
import { paymentKeys, type PaymentResult } from "../types";
import { requireStatus } from "./step";

export async function settleCancellationFee(
  ctx: PaymentsContext,
  { jobId, scooperId, feeCents }: { jobId: string; scooperId: string; feeCents?: number },
): Promise<PaymentResult> {
  const { db } = ctx;
  const idempotencyKey = paymentKeys.cancellationFee(jobId);
  const done = await findOperationResult(db, idempotencyKey);
  if (done) return queueReceiptFor(db, done);
  // Never while the hold is being renewed (and a renewal waits for this step): read the payment after.
  await startHoldStep(db, jobId);
  const payment = await getJobPayment(db, jobId);
  requireStatus(payment, ["AUTHORIZED"], "chargeCancellationFee");
  const fee = await resolveCancellationFee(db, jobId, payment.amountCents, feeCents);
  let chargeRef: string | null;
  if (payment.prepaidVisitId) {
    if (payment.amountCents > fee) {
      await ctx.gateway.refund({ key: idempotencyKey, ref: payment.providerRef, amountCents: payment.amountCents - fee, metadata: { jobId, reason: "cancelled" } });
    }
    chargeRef = payment.chargeRef;
  } else {
    // Capturing less than authorized releases the rest of the hold back to the customer.
    chargeRef = (await ctx.gateway.capture({ key: idempotencyKey, ref: payment.providerRef, amountCents: fee })).chargeRef;
  }
  const transferRef = await transferToScooper(ctx, { jobId, step: "cancellation_fee", scooperId, amountCents: fee, sourceChargeRef: chargeRef });
  return queueReceiptFor(db, await runOnce(db, idempotencyKey, (tx) => bookCancellationFee(tx, { idempotencyKey, jobId, scooperId, feeCents: fee, transferRef, chargeRef })));
}
