/**
 * Stripe: jobs are manual-capture PaymentIntents on the platform account; on capture the scooper's payout is a
 * Transfer to their Connect Express account (separate charges and transfers: the scooper is unknown when the
 * job is posted). Every request carries the step's idempotency key, then the step is booked in the ledger with
 * the same key (payment-book.ts), so a retry after a crash between the two repeats neither.
 * Status checks before a Stripe call only avoid needless requests; Stripe's own state and the conditional
 * update in the booking decide races (a capture after a cancel fails at Stripe → CONFLICT).
 */
import Stripe from "stripe";
import type { RecurringFrequency } from "@/generated/prisma/enums";
import type { Db } from "@/server/db";
import { appUrl } from "@/server/email/templates";
import { AppError } from "@/server/errors";
import { splitRefund } from "@/lib/money";
import {
  bookAuthorization, bookCancellationFee, bookCapture, bookRefund, bookTip, bookVoid, captureSplit, findOperationResult, getJobPayment,
  jobScooperId, resolveCancellationFee, runOnce, type JobPayment,
} from "./payment-book";
import { paymentKeys, type PaymentProvider } from "./provider";
import { queueReceiptFor } from "./receipt-email";

const CURRENCY = "usd";

const INTERVALS: Record<RecurringFrequency, { interval: "week" | "month"; interval_count: number }> = {
  WEEKLY: { interval: "week", interval_count: 1 },
  BIWEEKLY: { interval: "week", interval_count: 2 },
  MONTHLY: { interval: "month", interval_count: 1 },
};

/** Stripe's refusals become domain errors; anything else (network, auth) propagates as a 500 and can be retried. */
async function stripeCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof Stripe.errors.StripeCardError) throw new AppError("PRECONDITION_FAILED", err.message, { stripeCode: err.code });
    if (err instanceof Stripe.errors.StripeInvalidRequestError && err.code === "payment_intent_unexpected_state") {
      throw new AppError("CONFLICT", "The payment changed in the meantime.", { stripeCode: err.code });
    }
    throw err;
  }
}

function requireStatus(payment: JobPayment, allowed: JobPayment["status"][], what: string) {
  if (!allowed.includes(payment.status)) throw new AppError("CONFLICT", `Cannot ${what}: the payment is ${payment.status.toLowerCase()}.`, { status: payment.status });
  if (!payment.providerRef) throw new AppError("PRECONDITION_FAILED", "This payment was not made through Stripe.");
  return payment.providerRef;
}

function chargeId(intent: Stripe.PaymentIntent): string | undefined {
  const charge = intent.latest_charge;
  return typeof charge === "string" ? charge : (charge?.id ?? undefined);
}

export function createStripeProvider(db: Db, stripe: Stripe): PaymentProvider {
  async function stripeCustomerId(userId: string): Promise<string> {
    const existing = await db.paymentCustomer.findUnique({ where: { userId } });
    if (existing) return existing.providerRef;
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
    const customer = await stripe.customers.create(
      { email: user.email, name: user.name ?? undefined, metadata: { userId } },
      { idempotencyKey: `user_${userId}_customer` },
    );
    await db.paymentCustomer.createMany({ data: [{ userId, providerRef: customer.id }], skipDuplicates: true });
    return (await db.paymentCustomer.findUniqueOrThrow({ where: { userId } })).providerRef;
  }

  /** Pays a scooper's share to their connected account; without one the payout stays owed in the ledger. */
  async function transferToScooper(jobId: string, step: string, scooperId: string, amountCents: number, sourceCharge?: string) {
    const account = await db.payoutAccount.findUnique({ where: { userId: scooperId }, select: { provider: true, providerRef: true } });
    if (amountCents <= 0 || account?.provider !== "stripe" || !account.providerRef) return null;
    const transfer = await stripe.transfers.create(
      {
        amount: amountCents, currency: CURRENCY, destination: account.providerRef, transfer_group: `job_${jobId}`,
        ...(sourceCharge ? { source_transaction: sourceCharge } : {}), metadata: { jobId, step },
      },
      { idempotencyKey: paymentKeys.transfer(jobId, step) },
    );
    return transfer.id;
  }

  return {
    name: "stripe",

    async authorizeJobPayment({ jobId, customerId, amountCents, paymentMethodId }) {
      const idempotencyKey = paymentKeys.authorize(jobId);
      const done = await findOperationResult(db, idempotencyKey);
      if (done) return done;
      const customer = await stripeCustomerId(customerId);
      const intent = await stripeCall(() =>
        stripe.paymentIntents.create(
          {
            amount: amountCents, currency: CURRENCY, capture_method: "manual", customer, transfer_group: `job_${jobId}`,
            metadata: { jobId, customerId },
            ...(paymentMethodId ? { payment_method: paymentMethodId, confirm: true, off_session: true } : {}),
          },
          { idempotencyKey },
        ),
      );
      const status = intent.status === "requires_capture" ? "AUTHORIZED" : "PENDING";
      return runOnce(db, idempotencyKey, (tx) =>
        bookAuthorization(tx, {
          idempotencyKey, jobId, customerId, amountCents, provider: "stripe", status, providerRef: intent.id,
          clientSecret: status === "PENDING" ? intent.client_secret : null,
        }),
      );
    },

    async captureJobPayment({ jobId }) {
      const idempotencyKey = paymentKeys.capture(jobId);
      const done = await findOperationResult(db, idempotencyKey);
      if (done) return queueReceiptFor(db, done);
      const payment = await getJobPayment(db, jobId);
      const intentId = requireStatus(payment, ["AUTHORIZED"], "capture");
      const scooperId = await jobScooperId(db, jobId);
      const intent = await stripeCall(() => stripe.paymentIntents.capture(intentId, {}, { idempotencyKey }));
      const transferRef = await transferToScooper(jobId, "capture", scooperId, captureSplit(payment.amountCents).payoutCents, chargeId(intent));
      return queueReceiptFor(db, await runOnce(db, idempotencyKey, (tx) => bookCapture(tx, { idempotencyKey, jobId, scooperId, transferRef })));
    },

    async voidJobPayment({ jobId }) {
      const idempotencyKey = paymentKeys.void(jobId);
      const done = await findOperationResult(db, idempotencyKey);
      if (done) return done;
      const intentId = requireStatus(await getJobPayment(db, jobId), ["AUTHORIZED", "PENDING"], "void");
      await stripeCall(() => stripe.paymentIntents.cancel(intentId, {}, { idempotencyKey }));
      return runOnce(db, idempotencyKey, (tx) => bookVoid(tx, { idempotencyKey, jobId }));
    },

    async settleCancellationFee({ jobId, scooperId, feeCents }) {
      const idempotencyKey = paymentKeys.cancellationFee(jobId);
      const done = await findOperationResult(db, idempotencyKey);
      if (done) return queueReceiptFor(db, done);
      const payment = await getJobPayment(db, jobId);
      const intentId = requireStatus(payment, ["AUTHORIZED"], "charge the cancellation fee");
      const fee = resolveCancellationFee(payment.amountCents, feeCents);
      // Capturing less than authorized releases the rest of the hold back to the customer.
      const intent = await stripeCall(() => stripe.paymentIntents.capture(intentId, { amount_to_capture: fee }, { idempotencyKey }));
      const transferRef = await transferToScooper(jobId, "cancellation_fee", scooperId, fee, chargeId(intent));
      return queueReceiptFor(
        db,
        await runOnce(db, idempotencyKey, (tx) => bookCancellationFee(tx, { idempotencyKey, jobId, scooperId, feeCents: fee, transferRef })),
      );
    },

    async refundJobPayment({ jobId, amountCents, reason, refundNo = 1 }) {
      const idempotencyKey = paymentKeys.refund(jobId, refundNo);
      const done = await findOperationResult(db, idempotencyKey);
      if (done) return queueReceiptFor(db, done);
      const payment = await getJobPayment(db, jobId);
      const intentId = requireStatus(payment, ["CAPTURED", "PARTIALLY_REFUNDED"], "refund");
      if (amountCents > payment.capturedCents - payment.refundedCents) {
        throw new AppError("BAD_REQUEST", `Only ${payment.capturedCents - payment.refundedCents} cents are left to refund.`);
      }
      await stripeCall(() =>
        stripe.refunds.create(
          { payment_intent: intentId, amount: amountCents, reason: "requested_by_customer", metadata: { jobId, reason } },
          { idempotencyKey },
        ),
      );
      const { scooperCents } = splitRefund(amountCents, payment);
      if (payment.transferRef && scooperCents > 0) {
        await stripe.transfers.createReversal(payment.transferRef, { amount: scooperCents, metadata: { jobId, refundNo: String(refundNo) } }, {
          idempotencyKey: `${idempotencyKey}_reversal`,
        });
      }
      return queueReceiptFor(db, await runOnce(db, idempotencyKey, (tx) => bookRefund(tx, { idempotencyKey, jobId, amountCents })));
    },

    async recordTip({ jobId, tipCents }) {
      const idempotencyKey = paymentKeys.tip(jobId);
      const done = await findOperationResult(db, idempotencyKey);
      if (done) return queueReceiptFor(db, done);
      const payment = await getJobPayment(db, jobId);
      const intentId = requireStatus(payment, ["CAPTURED", "PARTIALLY_REFUNDED"], "tip");
      if (payment.tipCents > 0 || !payment.scooperId) throw new AppError("CONFLICT", "This job cannot take a tip.");
      const original = await stripe.paymentIntents.retrieve(intentId);
      const paymentMethod = typeof original.payment_method === "string" ? original.payment_method : original.payment_method?.id;
      const destination = await db.payoutAccount.findUnique({ where: { userId: payment.scooperId }, select: { providerRef: true } });
      await stripeCall(() =>
        stripe.paymentIntents.create(
          {
            amount: tipCents, currency: CURRENCY, customer: typeof original.customer === "string" ? original.customer : original.customer?.id,
            payment_method: paymentMethod, confirm: true, off_session: true, transfer_group: `job_${jobId}`, metadata: { jobId, kind: "tip" },
            // The whole tip goes to the scooper: a destination charge with no application fee.
            ...(destination?.providerRef ? { transfer_data: { destination: destination.providerRef } } : {}),
          },
          { idempotencyKey },
        ),
      );
      return queueReceiptFor(db, await runOnce(db, idempotencyKey, (tx) => bookTip(tx, { idempotencyKey, jobId, tipCents })));
    },

    async createPayoutAccountLink({ scooperId }) {
      let account = await db.payoutAccount.findUnique({ where: { userId: scooperId } });
      if (account?.provider !== "stripe" || !account.providerRef) {
        const user = await db.user.findUniqueOrThrow({ where: { id: scooperId }, select: { email: true } });
        const created = await stripe.accounts.create(
          { type: "express", email: user.email, capabilities: { transfers: { requested: true } }, metadata: { userId: scooperId } },
          { idempotencyKey: `user_${scooperId}_connect_account` },
        );
        const data = { provider: "stripe", providerRef: created.id, payoutsEnabled: created.payouts_enabled ?? false, detailsSubmitted: created.details_submitted ?? false };
        account = await db.payoutAccount.upsert({ where: { userId: scooperId }, create: { userId: scooperId, ...data }, update: data });
      }
      if (account.payoutsEnabled) return { status: "ready" };
      const accountRef = account.providerRef!;
      const link = await stripe.accountLinks.create(
        { account: accountRef, type: "account_onboarding", refresh_url: appUrl("/earnings?onboarding=refresh"), return_url: appUrl("/earnings?onboarding=done") },
        // Links are single-use and short-lived: one per minute, so a double click gets the same one.
        { idempotencyKey: `user_${scooperId}_account_link_${Math.floor(Date.now() / 60_000)}` },
      );
      return { status: "onboarding", url: link.url };
    },

    async createSubscriptionBilling({ recurringId }) {
      const recurring = await db.recurringCleanup.findUnique({
        where: { id: recurringId }, select: { customerId: true, frequency: true, priceCents: true, status: true },
      });
      if (!recurring) throw new AppError("NOT_FOUND", "Recurring cleanup not found.");
      if (recurring.status === "CANCELLED") throw new AppError("CONFLICT", "The recurring cleanup is cancelled.");
      const customer = await stripeCustomerId(recurring.customerId);
      // A new price or frequency is a new version: its keys differ, so an edit creates a new price and subscription.
      const version = `${recurring.frequency.toLowerCase()}_${recurring.priceCents}`;
      const price = await stripe.prices.create(
        {
          currency: CURRENCY, unit_amount: recurring.priceCents, recurring: INTERVALS[recurring.frequency],
          product_data: { name: `Scoop recurring cleanup (${recurring.frequency.toLowerCase()})` }, metadata: { recurringId },
        },
        { idempotencyKey: `recurring_${recurringId}_price_${version}` },
      );
      const subscription = await stripe.subscriptions.create(
        { customer, items: [{ price: price.id }], payment_behavior: "default_incomplete", metadata: { recurringId } },
        { idempotencyKey: `recurring_${recurringId}_subscription_${version}` },
      );
      const data = { provider: "stripe", status: subscription.status.toUpperCase(), providerRef: subscription.id, priceRef: price.id };
      await db.billingSubscription.upsert({ where: { recurringId }, create: { recurringId, ...data }, update: data });
      return { mode: "subscription", subscriptionId: subscription.id, status: data.status };
    },

    async cancelSubscriptionBilling({ recurringId }) {
      const billing = await db.billingSubscription.findUnique({ where: { recurringId } });
      if (billing?.provider === "stripe" && billing.providerRef && billing.status !== "CANCELED") {
        await stripe.subscriptions.cancel(billing.providerRef, {}, { idempotencyKey: `recurring_${recurringId}_cancel_${billing.providerRef}` });
      }
      await db.billingSubscription.updateMany({ where: { recurringId }, data: { status: "CANCELED" } });
    },
  };
}
