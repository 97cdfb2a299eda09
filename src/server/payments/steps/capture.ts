/**
 * Capture (confirm or auto-confirm): charges the held amount, keeps the job's platform fee and pays its scooper the
 * rest — transferred now when they have a payout account, else owed in the ledger. A prepaid visit (a paid
 * subscription invoice funded the job) was charged already: only the payout is made, and its receipt was sent
 * when the invoice was paid.
 */
import type { PaymentsContext } from "../context";
import { bookCapture, captureSplit, findOperationResult, getJobPayment, jobScooperId, runOnce, startHoldStep } from "../payment-book";
import { transferToScooper } from "../payouts/transfers";
import { queueReceiptFor } from "../receipt-email";
import { paymentKeys, type PaymentResult } from "../types";
import { requireStatus } from "./step";

export async function captureJobPayment(ctx: PaymentsContext, { jobId }: { jobId: string }): Promise<PaymentResult> {
  const { db } = ctx;
  const idempotencyKey = paymentKeys.capture(jobId);
  const done = await findOperationResult(db, idempotencyKey);
  if (done) return queueReceiptFor(db, done);
  // Never while the hold is being renewed (and a renewal waits for this step): read the payment after.
  await startHoldStep(db, jobId);
  const payment = await getJobPayment(db, jobId);
  requireStatus(payment, ["AUTHORIZED"], "capture");
  const scooperId = await jobScooperId(db, jobId);
  const chargeRef = payment.prepaidVisitId ? payment.chargeRef : (await ctx.gateway.capture({ key: idempotencyKey, ref: payment.providerRef })).chargeRef;
  const { payoutCents } = await captureSplit(db, jobId, payment.amountCents);
  const transferRef = await transferToScooper(ctx, { jobId, step: "capture", scooperId, amountCents: payoutCents, sourceChargeRef: chargeRef });
  const captured = await runOnce(db, idempotencyKey, (tx) => bookCapture(tx, { idempotencyKey, jobId, scooperId, transferRef, chargeRef }));
  return payment.prepaidVisitId ? captured : queueReceiptFor(db, captured);
}
