/**
 * Refund (dispute outcomes, admins): gives captured money back, taken from the platform fee and the scooper's
 * payout in proportion; a payout already transferred is reversed by the scooper's share.
 */
import { splitRefund } from "@/lib/money";
import { AppError } from "@/server/errors";
import type { PaymentsContext } from "../context";
import { bookRefund, findOperationResult, getJobPayment, runOnce } from "../payment-book";
import { queueReceiptFor } from "../receipt-email";
import { paymentKeys, type PaymentResult, type RefundReason } from "../types";
import { assertCents, requireStatus } from "./step";

export async function refundJobPayment(
  ctx: PaymentsContext,
  { jobId, amountCents, reason, refundNo = 1 }: { jobId: string; amountCents: number; reason: RefundReason; refundNo?: number },
): Promise<PaymentResult> {
  const { db } = ctx;
  const idempotencyKey = paymentKeys.refund(jobId, refundNo);
  const done = await findOperationResult(db, idempotencyKey);
  if (done) return queueReceiptFor(db, done);
  assertCents(amountCents, "refund");
  const payment = await getJobPayment(db, jobId);
  requireStatus(payment, ["CAPTURED", "PARTIALLY_REFUNDED"], "refund");
  if (amountCents > payment.capturedCents - payment.refundedCents) {
    throw new AppError("BAD_REQUEST", "payment.refundLeft", { cents: payment.capturedCents - payment.refundedCents });
  }
  await ctx.gateway.refund({ key: idempotencyKey, ref: payment.providerRef, amountCents, metadata: { jobId, reason }, reason: "requested_by_customer" });
  const { scooperCents } = splitRefund(amountCents, payment);
  if (payment.transferRef && scooperCents > 0) {
    await ctx.gateway.reverseTransfer({ key: `${idempotencyKey}_reversal`, transferRef: payment.transferRef, amountCents: scooperCents, metadata: { jobId, refundNo: String(refundNo) } });
  }
  return queueReceiptFor(db, await runOnce(db, idempotencyKey, (tx) => bookRefund(tx, { idempotencyKey, jobId, amountCents })));
}
