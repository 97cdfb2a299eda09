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
import { env } from "@/env";
import type { Db } from "@/server/db";
import { fromDbDate, upcomingDates } from "@/server/recurring/dates";
import { appUrl } from "@/server/email/templates";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { splitRefund } from "@/lib/money";
import {
  bookAuthorization, bookAuthorizationConfirmed, bookCancellationFee, bookCapture, bookRefund, bookTip, bookVoid, captureSplit, findOperationResult, getJobPayment,
  jobScooperId, resolveCancellationFee, runOnce, type JobPayment,
} from "./payment-book";
import { paymentKeys, type PaymentProvider } from "./provider";
import { queueReceiptFor, queueVisitReceipt } from "./receipt-email";
import { paymentForm } from "./payment-form";
import { billingAnchor, billingResumesAt, claimPrepaidVisit } from "./recurring-billing";

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

class NoPrepaidVisit extends Error {}

const unixSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

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

  /** The recurring cleanup's Stripe subscription while it bills (not cancelled, not a ledger row), or null. */
  async function activeStripeBilling(recurringId: string) {
    const billing = await db.billingSubscription.findUnique({ where: { recurringId } });
    return billing?.provider === "stripe" && billing.providerRef && billing.status !== "CANCELED" ? { ...billing, providerRef: billing.providerRef } : null;
  }

  /**
   * Refunds every prepaid visit no job used. Each is first taken (AVAILABLE → REFUNDING), so a job generated at the
   * same moment cannot use it too; REFUNDED once Stripe took the refund. A failure leaves it REFUNDING and throws,
   * and the retry finishes it (the refund's key makes a repeat a no-op).
   */
  async function refundUnusedVisits(recurringId: string) {
    const visits = await db.prepaidVisit.findMany({ where: { recurringId, status: { in: ["AVAILABLE", "REFUNDING"] } } });
    for (const visit of visits) {
      if (visit.status === "AVAILABLE") {
        const { count } = await db.prepaidVisit.updateMany({ where: { id: visit.id, status: "AVAILABLE" }, data: { status: "REFUNDING" } });
        if (count === 0) continue;
      }
      await stripe.refunds.create(
        { payment_intent: visit.paymentIntentRef, amount: visit.amountCents, metadata: { recurringId, prepaidVisitId: visit.id, reason: "unused visit" } },
        { idempotencyKey: `prepaid_${visit.id}_refund` },
      );
      await db.prepaidVisit.updateMany({ where: { id: visit.id, status: "REFUNDING" }, data: { status: "REFUNDED", refundedAt: new Date() } });
      await queueVisitReceipt(db, { kind: "visit-refund", recurringId, amountCents: visit.amountCents, reference: `prepaid_${visit.id}_refund` });
    }
  }

  /** Cancels a Stripe subscription of ours once (its own key), and marks our row. */
  async function cancelAtStripe(recurringId: string, subscriptionId: string) {
    await stripe.subscriptions.cancel(subscriptionId, { prorate: false }, { idempotencyKey: `recurring_${recurringId}_cancel_${subscriptionId}` });
    await db.billingSubscription.updateMany({ where: { recurringId, providerRef: subscriptionId }, data: { status: "CANCELED" } });
  }

  const provider: PaymentProvider = {
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
      // A prepaid visit's money was charged by its invoice: nothing to capture, only the payout to make.
      const source = payment.prepaidVisitId
        ? (payment.chargeRef ?? undefined)
        : chargeId(await stripeCall(() => stripe.paymentIntents.capture(intentId, {}, { idempotencyKey })));
      const transferRef = await transferToScooper(jobId, "capture", scooperId, (await captureSplit(db, jobId, payment.amountCents)).payoutCents, source);
      const captured = await runOnce(db, idempotencyKey, (tx) => bookCapture(tx, { idempotencyKey, jobId, scooperId, transferRef }));
      // A prepaid visit's customer got their receipt when the invoice was paid: confirming it charges nothing new.
      return payment.prepaidVisitId ? captured : queueReceiptFor(db, captured);
    },

    async voidJobPayment({ jobId }) {
      const idempotencyKey = paymentKeys.void(jobId);
      const done = await findOperationResult(db, idempotencyKey);
      if (done) return done;
      const payment = await getJobPayment(db, jobId);
      const intentId = requireStatus(payment, ["AUTHORIZED", "PENDING", "FAILED"], "void");
      if (payment.prepaidVisitId) {
        // The visit was paid by its invoice: the customer gets that money back.
        await stripeCall(() =>
          stripe.refunds.create({ payment_intent: intentId, amount: payment.amountCents, metadata: { jobId, reason: "visit not done" } }, { idempotencyKey }),
        );
      } else {
        await stripeCall(() => stripe.paymentIntents.cancel(intentId, {}, { idempotencyKey }));
      }
      const voided = await runOnce(db, idempotencyKey, (tx) => bookVoid(tx, { idempotencyKey, jobId }));
      // A prepaid visit's void is a refund of money the customer paid: it gets a refund receipt.
      if (payment.prepaidVisitId) await queueReceiptFor(db, { ...voided, kind: "refund" });
      return voided;
    },

    async settleCancellationFee({ jobId, scooperId, feeCents }) {
      const idempotencyKey = paymentKeys.cancellationFee(jobId);
      const done = await findOperationResult(db, idempotencyKey);
      if (done) return queueReceiptFor(db, done);
      const payment = await getJobPayment(db, jobId);
      const intentId = requireStatus(payment, ["AUTHORIZED"], "charge the cancellation fee");
      const fee = await resolveCancellationFee(db, jobId, payment.amountCents, feeCents);
      let source: string | undefined;
      if (payment.prepaidVisitId) {
        // Charged in full by the invoice: everything but the fee goes back to the customer.
        if (payment.amountCents > fee) {
          await stripeCall(() =>
            stripe.refunds.create({ payment_intent: intentId, amount: payment.amountCents - fee, metadata: { jobId, reason: "cancelled" } }, { idempotencyKey }),
          );
        }
        source = payment.chargeRef ?? undefined;
      } else {
        // Capturing less than authorized releases the rest of the hold back to the customer.
        source = chargeId(await stripeCall(() => stripe.paymentIntents.capture(intentId, { amount_to_capture: fee }, { idempotencyKey })));
      }
      const transferRef = await transferToScooper(jobId, "cancellation_fee", scooperId, fee, source);
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
      const tipIntent = await stripeCall(() =>
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
      const booked = await runOnce(db, idempotencyKey, (tx) => bookTip(tx, { idempotencyKey, jobId, tipCents }));
      // Paid to the scooper by the destination charge; without a payout account yet, owed until payOwedPayouts.
      if (destination?.providerRef) await db.payment.updateMany({ where: { jobId, tipTransferRef: null }, data: { tipTransferRef: tipIntent.id } });
      return queueReceiptFor(db, booked);
    },

    async payOwedPayouts({ scooperId }) {
      const account = await db.payoutAccount.findUnique({ where: { userId: scooperId }, select: { provider: true, providerRef: true, payoutsEnabled: true } });
      if (account?.provider !== "stripe" || !account.providerRef || !account.payoutsEnabled) return { transferred: 0, amountCents: 0 };
      const owed = await db.payment.findMany({
        where: { scooperId, provider: "stripe", transferRef: null, status: { in: ["CAPTURED", "PARTIALLY_REFUNDED"] }, scooperPayoutCents: { gt: 0 } },
        select: { id: true, jobId: true, providerRef: true, chargeRef: true, capturedCents: true, platformFeeCents: true, refundedCents: true, scooperPayoutCents: true },
      });
      let transferred = 0;
      let amountCents = 0;
      for (const payment of owed) {
        // What refunds took back from the scooper's share before it was ever paid out.
        const { scooperCents: refundedShare } = splitRefund(payment.refundedCents, { ...payment, refundedCents: 0 });
        const amount = payment.scooperPayoutCents - refundedShare;
        if (amount <= 0) continue;
        const source = payment.chargeRef ?? (payment.providerRef ? chargeId(await stripe.paymentIntents.retrieve(payment.providerRef)) : undefined);
        const transfer = await stripe.transfers.create(
          {
            amount, currency: CURRENCY, destination: account.providerRef, transfer_group: `job_${payment.jobId}`,
            ...(source ? { source_transaction: source } : {}), metadata: { jobId: payment.jobId, step: "owed" },
          },
          { idempotencyKey: paymentKeys.transfer(payment.jobId, "owed") },
        );
        await db.payment.updateMany({ where: { id: payment.id, transferRef: null }, data: { transferRef: transfer.id } });
        transferred++;
        amountCents += amount;
      }
      // Tips given while the scooper had no payout account: the whole tip is theirs.
      const owedTips = await db.payment.findMany({
        where: { scooperId, provider: "stripe", tipCents: { gt: 0 }, tipTransferRef: null },
        select: { id: true, jobId: true, tipCents: true },
      });
      for (const payment of owedTips) {
        const transfer = await stripe.transfers.create(
          {
            amount: payment.tipCents, currency: CURRENCY, destination: account.providerRef, transfer_group: `job_${payment.jobId}`,
            metadata: { jobId: payment.jobId, step: "tip_owed" },
          },
          { idempotencyKey: paymentKeys.transfer(payment.jobId, "tip_owed") },
        );
        await db.payment.updateMany({ where: { id: payment.id, tipTransferRef: null }, data: { tipTransferRef: transfer.id } });
        transferred++;
        amountCents += payment.tipCents;
      }
      return { transferred, amountCents };
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
      const recurring = await db.recurringCleanup.findUnique({ where: { id: recurringId } });
      if (!recurring) throw new AppError("NOT_FOUND", "Recurring cleanup not found.");
      if (recurring.status === "CANCELLED") throw new AppError("CONFLICT", "The recurring cleanup is cancelled.");
      // What the subscription bills: a change of frequency, price or first date is a new version, which replaces it
      // (pausing or editing notes is not). The keys also name the subscription it follows, so going back to an
      // earlier version makes a new one, while a retry of the same step replays it.
      const version = `${recurring.frequency.toLowerCase()}_${recurring.priceCents}_${fromDbDate(recurring.firstServiceDate)}`;
      const publishableKey = env.STRIPE_PUBLISHABLE_KEY ?? null;
      const current = await activeStripeBilling(recurringId);
      const previous = current?.providerRef ?? (await db.billingSubscription.findUnique({ where: { recurringId }, select: { providerRef: true } }))?.providerRef;
      const keySuffix = `${version}_after_${previous ?? "none"}`;
      if (current?.version === version) return { mode: "subscription", subscriptionId: current.providerRef, status: current.status, clientSecret: null, publishableKey };
      if (current) {
        await cancelAtStripe(recurringId, current.providerRef);
        // Visits paid at another price cannot pay this version's visits: they go back to the customer.
        if (current.priceCents !== recurring.priceCents) await refundUnusedVisits(recurringId);
      }
      // The next two visits (after a dated pause, from its end; an open-ended pause bills from now once resumed).
      const upcoming = upcomingDates(recurring.status === "PAUSED" && !recurring.pausedUntil ? { ...recurring, status: "ACTIVE" } : recurring, 2);
      const anchor = billingAnchor(recurring.frequency, upcoming);
      const customer = await stripeCustomerId(recurring.customerId);
      const price = await stripe.prices.create(
        {
          currency: CURRENCY, unit_amount: recurring.priceCents, recurring: INTERVALS[recurring.frequency],
          product_data: { name: `Scoop recurring cleanup (${recurring.frequency.toLowerCase()})` }, metadata: { recurringId },
        },
        { idempotencyKey: `recurring_${recurringId}_price_${keySuffix}` },
      );
      // A visit already paid for (kept over a schedule change) pays the first visit; otherwise the first invoice does.
      const prepaid = await db.prepaidVisit.count({ where: { recurringId, status: "AVAILABLE", amountCents: recurring.priceCents } });
      const product = typeof price.product === "string" ? price.product : price.product.id;
      const subscription = await stripeCall(() =>
        stripe.subscriptions.create(
          {
            customer, items: [{ price: price.id }], payment_behavior: "default_incomplete",
            payment_settings: { save_default_payment_method: "on_subscription" },
            billing_cycle_anchor: unixSeconds(anchor), proration_behavior: "none",
            ...(prepaid > 0 ? {} : { add_invoice_items: [{ price_data: { currency: CURRENCY, product, unit_amount: recurring.priceCents } }] }),
            metadata: { recurringId, firstVisit: upcoming[0] ?? "" },
            expand: ["latest_invoice.confirmation_secret"],
          },
          { idempotencyKey: `recurring_${recurringId}_subscription_${keySuffix}` },
        ),
      );
      const data = {
        provider: "stripe", status: subscription.status.toUpperCase(), providerRef: subscription.id, priceRef: price.id, billingAnchorAt: anchor,
        version, priceCents: recurring.priceCents, lastInvoiceRef: null, lastInvoiceStatus: null,
      };
      await db.billingSubscription.upsert({ where: { recurringId }, create: { recurringId, ...data }, update: data });
      const invoice = subscription.latest_invoice;
      const clientSecret = invoice && typeof invoice !== "string" ? (invoice.confirmation_secret?.client_secret ?? null) : null;
      return { mode: "subscription", subscriptionId: subscription.id, status: data.status, clientSecret, publishableKey };
    },

    async cancelSubscriptionBilling({ recurringId }) {
      const billing = await activeStripeBilling(recurringId);
      if (billing) await cancelAtStripe(recurringId, billing.providerRef);
      else await db.billingSubscription.updateMany({ where: { recurringId }, data: { status: "CANCELED" } });
      await refundUnusedVisits(recurringId);
    },

    async syncSubscriptionBilling({ recurringId }) {
      const recurring = await db.recurringCleanup.findUnique({ where: { id: recurringId }, select: { status: true, pausedUntil: true, updatedAt: true } });
      if (!recurring) return;
      if (recurring.status === "CANCELLED") return provider.cancelSubscriptionBilling({ recurringId });
      await provider.createSubscriptionBilling({ recurringId });
      const billing = await activeStripeBilling(recurringId);
      if (!billing) return;
      // Paused: invoices due meanwhile are voided; a dated pause resumes billing two days before the first visit after it.
      const resumesAt = billingResumesAt(recurring.pausedUntil && fromDbDate(recurring.pausedUntil));
      const paused = recurring.status === "PAUSED" && (!resumesAt || resumesAt > new Date());
      await stripe.subscriptions.update(
        billing.providerRef,
        { pause_collection: paused ? { behavior: "void", ...(resumesAt ? { resumes_at: unixSeconds(resumesAt) } : {}) } : "" },
        // One key per state of the row: a repeat of this sync replays, the next change sends its own.
        { idempotencyKey: `recurring_${recurringId}_collection_${recurring.updatedAt.getTime()}` },
      );
    },

    async authorizeRecurringJob({ jobId, recurringId, customerId, amountCents }) {
      const idempotencyKey = paymentKeys.authorize(jobId);
      const done = await findOperationResult(db, idempotencyKey);
      if (done) return done;
      const billing = await db.billingSubscription.findUnique({
        where: { recurringId }, select: { provider: true, status: true, paymentMethodRef: true, lastInvoiceRef: true, lastInvoiceStatus: true },
      });
      if (billing?.provider === "stripe") {
        try {
          return await runOnce(db, idempotencyKey, async (tx) => {
            const visit = await claimPrepaidVisit(tx, { recurringId, jobId, amountCents });
            if (!visit) throw new NoPrepaidVisit();
            return bookAuthorization(tx, {
              idempotencyKey, jobId, customerId, amountCents, provider: "stripe", status: "AUTHORIZED",
              providerRef: visit.paymentIntentRef, chargeRef: visit.chargeRef, prepaidVisitId: visit.id,
            });
          });
        } catch (err) {
          if (!(err instanceof NoPrepaidVisit)) throw err;
        }
      }
      // No paid invoice covers this visit: hold its price on the card that paid the subscription, like a posted job.
      if (!billing?.paymentMethodRef) {
        throw new AppError("PRECONDITION_FAILED", "No paid invoice covers this visit and there is no card on file to charge.");
      }
      const held = await provider.authorizeJobPayment({ jobId, customerId, amountCents, paymentMethodId: billing.paymentMethodRef });
      // The failed invoice this visit was billed by must not be paid later too (Stripe's retries, the card form).
      if (held.status === "AUTHORIZED" && billing.lastInvoiceStatus === "payment_failed" && billing.lastInvoiceRef) {
        const invoiceRef = billing.lastInvoiceRef;
        try {
          await stripe.invoices.voidInvoice(invoiceRef, {}, { idempotencyKey: `invoice_${invoiceRef}_void` });
          await db.billingSubscription.updateMany({ where: { recurringId, lastInvoiceRef: invoiceRef }, data: { lastInvoiceStatus: "void" } });
        } catch (err) {
          // Paid in the meantime: that payment becomes a prepaid visit for the next one (or is refunded on cancel).
          logger.warn({ err, recurringId, invoiceRef }, "could not void the failed invoice of a visit held on the card on file");
        }
      }
      return held;
    },

    async subscriptionPaymentForm({ recurringId }) {
      const recurring = await db.recurringCleanup.findUnique({ where: { id: recurringId }, select: { status: true } });
      if (!recurring || recurring.status === "CANCELLED") return null;
      const billing = await activeStripeBilling(recurringId);
      // No Stripe subscription bills it (made while the ledger was on, or ended by Stripe after an unpaid first
      // invoice): start one now, so the customer can pay from this page instead of every visit being cancelled.
      if (!billing) {
        const started = await provider.createSubscriptionBilling({ recurringId });
        return started.mode === "subscription" ? paymentForm(started.clientSecret) : null;
      }
      if (billing.status !== "INCOMPLETE" && billing.status !== "PAST_DUE") return null;
      const subscription = await stripe.subscriptions.retrieve(billing.providerRef, { expand: ["latest_invoice.confirmation_secret"] });
      const invoice = subscription.latest_invoice;
      if (!invoice || typeof invoice === "string" || invoice.status !== "open" || !invoice.confirmation_secret) return null;
      return paymentForm(invoice.confirmation_secret.client_secret);
    },

    async confirmJobAuthorization({ jobId }) {
      const confirmedKey = paymentKeys.authorizeConfirmed(jobId);
      const confirmed = await findOperationResult(db, confirmedKey);
      if (confirmed) return confirmed;
      const payment = await getJobPayment(db, jobId);
      const authorized = await findOperationResult(db, paymentKeys.authorize(jobId));
      if (payment.status !== "PENDING" && payment.status !== "FAILED") {
        if (!authorized) throw new AppError("NOT_FOUND", "This job has no authorization.");
        return { ...authorized, status: payment.status };
      }
      const intent = await stripe.paymentIntents.retrieve(payment.providerRef!);
      if (intent.status !== "requires_capture") {
        throw new AppError("PRECONDITION_FAILED", intent.last_payment_error?.message ?? "The card has not been accepted yet.", { stripeStatus: intent.status });
      }
      return runOnce(db, confirmedKey, (tx) => bookAuthorizationConfirmed(tx, { idempotencyKey: confirmedKey, jobId }));
    },
  };
  return provider;
}
