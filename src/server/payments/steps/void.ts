/**
 * Void (cancel while OPEN, expiry, a full-refund dispute outcome): releases the hold. A prepaid visit was charged
 * by its invoice, so the customer gets that money back instead, with a refund receipt.
 */
import type { PaymentsContext } from "../context";
import { bookVoid, findOperationResult, getJobPayment, runOnce, startHoldStep } from "../payment-book";
import { queueReceiptFor } from "../receipt-email";
import { paymentKeys, type PaymentResult } from "../types";
import { requireStatus } from "./step";

export async function voidJobPayment(ctx: PaymentsContext, { jobId }: { jobId: string }): Promise<PaymentResult> {
  const { db } = ctx;
  const idempotencyKey = paymentKeys.void(jobId);
  const done = await findOperationResult(db, idempotencyKey);
  if (done) return done;
  // Never while the hold is being renewed (and a renewal waits for this step): read the payment after.
  await startHoldStep(db, jobId);
  const payment = await getJobPayment(db, jobId);
  requireStatus(payment, ["AUTHORIZED", "PENDING", "FAILED"], "void");
  if (payment.prepaidVisitId) {
    await ctx.gateway.refund({ key: idempotencyKey, ref: payment.providerRef, amountCents: payment.amountCents, metadata: { jobId, reason: "visit not done" } });
  } else {
    await ctx.gateway.releaseHold({ key: idempotencyKey, ref: payment.providerRef });
  }
  const voided = await runOnce(db, idempotencyKey, (tx) => bookVoid(tx, { idempotencyKey, jobId }));
  if (payment.prepaidVisitId) await queueReceiptFor(db, { ...voided, kind: "refund" });
  return voided;
}
