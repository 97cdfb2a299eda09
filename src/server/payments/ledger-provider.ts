/**
 * The built-in provider: no money leaves the database; every step is a balanced ledger transaction
 * (payment-book.ts). Used when STRIPE_SECRET_KEY is unset, so every flow works offline and in tests.
 */
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  bookAuthorization, bookCancellationFee, bookCapture, bookRefund, bookTip, bookVoid, findOperationResult, jobScooperId, runOnce,
} from "./payment-book";
import { paymentKeys, type PaymentProvider } from "./provider";
import { queueReceiptFor } from "./receipt-email";

export function createLedgerProvider(db: Db): PaymentProvider {
  const provider: PaymentProvider = {
    name: "ledger",
    authorizeJobPayment: ({ jobId, customerId, amountCents }) => {
      const idempotencyKey = paymentKeys.authorize(jobId);
      return runOnce(db, idempotencyKey, (tx) => bookAuthorization(tx, { idempotencyKey, jobId, customerId, amountCents, provider: "ledger", status: "AUTHORIZED" }));
    },
    captureJobPayment: async ({ jobId }) => {
      const idempotencyKey = paymentKeys.capture(jobId);
      const result = await runOnce(db, idempotencyKey, async (tx) => bookCapture(tx, { idempotencyKey, jobId, scooperId: await jobScooperId(tx, jobId) }));
      return queueReceiptFor(db, result);
    },
    voidJobPayment: ({ jobId }) => {
      const idempotencyKey = paymentKeys.void(jobId);
      return runOnce(db, idempotencyKey, (tx) => bookVoid(tx, { idempotencyKey, jobId }));
    },
    settleCancellationFee: async ({ jobId, scooperId, feeCents }) => {
      const idempotencyKey = paymentKeys.cancellationFee(jobId);
      const result = await runOnce(db, idempotencyKey, async (tx) => bookCancellationFee(tx, { idempotencyKey, jobId, scooperId, feeCents }));
      return queueReceiptFor(db, result);
    },
    refundJobPayment: async ({ jobId, amountCents, refundNo = 1 }) => {
      const idempotencyKey = paymentKeys.refund(jobId, refundNo);
      return queueReceiptFor(db, await runOnce(db, idempotencyKey, (tx) => bookRefund(tx, { idempotencyKey, jobId, amountCents })));
    },
    recordTip: async ({ jobId, tipCents }) => {
      const idempotencyKey = paymentKeys.tip(jobId);
      return queueReceiptFor(db, await runOnce(db, idempotencyKey, (tx) => bookTip(tx, { idempotencyKey, jobId, tipCents })));
    },
    createPayoutAccountLink: async ({ scooperId }) => {
      // Payouts stay in the ledger's scooper_payable account: nothing to set up.
      await db.payoutAccount.upsert({
        where: { userId: scooperId },
        create: { userId: scooperId, provider: "ledger", payoutsEnabled: true, detailsSubmitted: true },
        update: {},
      });
      return { status: "ready" };
    },
    createSubscriptionBilling: async ({ recurringId }) => {
      // Each generated job is authorized and captured like any job: billing follows the real schedule by itself.
      await db.billingSubscription.upsert({
        where: { recurringId },
        create: { recurringId, provider: "ledger", status: "PER_JOB" },
        update: { status: "PER_JOB" },
      });
      return { mode: "per-job" };
    },
    cancelSubscriptionBilling: async ({ recurringId }) => {
      await db.billingSubscription.updateMany({ where: { recurringId }, data: { status: "CANCELED" } });
    },
    // Per-job billing: an edit applies to the next job, and a skipped visit makes no job, so nothing is billed for it.
    syncSubscriptionBilling: async ({ recurringId }) => {
      const recurring = await db.recurringCleanup.findUnique({ where: { id: recurringId }, select: { status: true } });
      if (recurring?.status === "CANCELLED") await provider.cancelSubscriptionBilling({ recurringId });
    },
    authorizeRecurringJob: ({ jobId, customerId, amountCents }) => provider.authorizeJobPayment({ jobId, customerId, amountCents }),
    // Payouts stay in the ledger's scooper_payable account: nothing to transfer.
    payOwedPayouts: async () => ({ transferred: 0, amountCents: 0 }),
    // The ledger bills per job: a subscription never has an invoice to pay.
    subscriptionPaymentForm: async () => null,
    confirmJobAuthorization: async ({ jobId }) => {
      const done = await findOperationResult(db, paymentKeys.authorize(jobId));
      if (!done) throw new AppError("NOT_FOUND", "This job has no payment.");
      return done;
    },
  };
  return provider;
}
