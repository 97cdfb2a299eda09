/**
 * Subscription billing with Stripe: a recurring cleanup is a Stripe Subscription billed at its real frequency, one
 * paid invoice = one prepaid visit (prepaid-visits.ts has the calendar and the database side). The rules live
 * here — versions (a new price, frequency or first date replaces the subscription), pauses (pause_collection),
 * refunds of unused visits — and every request carries its own idempotency key. A generated job is paid from a
 * prepaid visit, or held on the card that paid the last invoice through the job's authorize step.
 */
import type Stripe from "stripe";
import type { RecurringFrequency } from "@/generated/prisma/enums";
import { env } from "@/env";
import { fromDbDate, upcomingDates } from "@/server/calendar";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import type { PaymentsContext } from "../context";
import { bookAuthorization, findOperationResult, runOnce } from "../payment-book";
import { paymentForm } from "../payment-form";
import { queueVisitReceipt } from "../receipt-email";
import { authorizeJobPayment } from "../steps/authorize";
import { stripeCall, CURRENCY } from "../stripe/call";
import { stripeCustomerId } from "../stripe/customers";
import { paymentKeys } from "../types";
import type { BillingService } from "./billing";
import { billingAnchor, billingResumesAt, claimPrepaidVisit } from "./prepaid-visits";

const INTERVALS: Record<RecurringFrequency, { interval: "week" | "month"; interval_count: number }> = {
  WEEKLY: { interval: "week", interval_count: 1 },
  BIWEEKLY: { interval: "week", interval_count: 2 },
  MONTHLY: { interval: "month", interval_count: 1 },
};

class NoPrepaidVisit extends Error {}

const unixSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

export function createStripeBilling(ctx: PaymentsContext & { stripe: Stripe }): BillingService {
  const { db, stripe } = ctx;
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

  const service: BillingService = {
    async createSubscriptionBilling({ recurringId }) {
      const recurring = await db.recurringCleanup.findUnique({ where: { id: recurringId } });
      if (!recurring) throw new AppError("NOT_FOUND", "recurring.notFoundPlain");
      if (recurring.status === "CANCELLED") throw new AppError("CONFLICT", "recurring.cancelledThe");
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
      const customer = await stripeCustomerId(db, stripe, recurring.customerId);
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
      if (recurring.status === "CANCELLED") return service.cancelSubscriptionBilling({ recurringId });
      await service.createSubscriptionBilling({ recurringId });
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
        throw new AppError("PRECONDITION_FAILED", "payment.noInvoiceNoCard");
      }
      const held = await authorizeJobPayment(ctx, { jobId, customerId, amountCents, paymentMethodId: billing.paymentMethodRef });
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
        const started = await service.createSubscriptionBilling({ recurringId });
        return started.mode === "subscription" ? paymentForm(started.clientSecret) : null;
      }
      if (billing.status !== "INCOMPLETE" && billing.status !== "PAST_DUE") return null;
      const subscription = await stripe.subscriptions.retrieve(billing.providerRef, { expand: ["latest_invoice.confirmation_secret"] });
      const invoice = subscription.latest_invoice;
      if (!invoice || typeof invoice === "string" || invoice.status !== "open" || !invoice.confirmation_secret) return null;
      return paymentForm(invoice.confirmation_secret.client_secret);
    },

  };
  return service;
}
