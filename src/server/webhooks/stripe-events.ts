/**
 * Stripe webhooks: the route verifies the signature and calls `acceptStripeEvent`, which stores the event once
 * (unique Stripe id) and enqueues its row id on the `payments` queue; the worker calls `processStripeEvent`,
 * which claims the row (`processedAt` set only while null) and applies it in the same transaction, so each
 * event changes state once however often Stripe delivers it or BullMQ retries it.
 */
import type Stripe from "stripe";
import { z } from "zod";
import { env } from "@/env";
import { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "@/server/db";
import { logger } from "@/server/logger";
import { enqueue } from "@/server/queues/queues";
import { openPaidJob } from "@/server/jobs/payment-gate";
import { dispatchOutbox, writeOutbox, type OutboxRow } from "@/server/outbox/outbox";
import { recordPaidInvoice } from "@/server/payments/billing/prepaid-visits";
import { recordChargebackOpened, recordChargebackUpdated, recordHoldLapsed } from "@/server/payments/chargebacks";
import { payOwedPayouts, refundLateInvoice, type LateInvoiceRefund } from "@/server/payments/effects";
import { bookAuthorizationConfirmed } from "@/server/payments/payment-book";
import { writeVisitReceipt } from "@/server/payments/receipt-email";
import { getStripe } from "@/server/payments/stripe/client";
import { paymentKeys } from "@/server/payments/types";

export type VerifiedEvent = { id: string; type: string; data: { object: unknown } };

export async function acceptStripeEvent(db: Db, event: VerifiedEvent): Promise<{ eventId: string; duplicate: boolean }> {
  const created = await db.stripeEvent.createMany({
    data: [{ stripeId: event.id, type: event.type, payload: event as unknown as Prisma.InputJsonValue }],
    skipDuplicates: true,
  });
  const row = await db.stripeEvent.findUniqueOrThrow({ where: { stripeId: event.id }, select: { id: true, processedAt: true } });
  // Also for a duplicate that is not processed yet: the first delivery's enqueue may have been lost.
  if (!row.processedAt) await enqueue("payments", { kind: "stripe-event", eventId: row.id }, { jobId: `stripe-event-${row.id}` });
  return { eventId: row.id, duplicate: created.count === 0 };
}

const paymentIntentSchema = z.object({ id: z.string(), last_payment_error: z.object({ message: z.string().optional() }).nullish() });
const accountSchema = z.object({ id: z.string(), payouts_enabled: z.boolean().nullish(), details_submitted: z.boolean().nullish() });
const invoiceSchema = z.object({
  id: z.string(),
  amount_paid: z.number().int().nullish(),
  status_transitions: z.object({ paid_at: z.number().nullish() }).nullish(),
  // Older API versions put the subscription on the invoice; newer ones under parent.subscription_details.
  subscription: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
  parent: z.object({
    subscription_details: z.object({
      subscription: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
      metadata: z.object({ recurringId: z.string().optional() }).nullish(),
    }).nullish(),
  }).nullish(),
});

const subscriptionSchema = z.object({ id: z.string(), status: z.string() });
const canceledIntentSchema = z.object({ id: z.string(), cancellation_reason: z.string().nullish() });
const ref = z.union([z.string(), z.object({ id: z.string() })]).nullish();
const disputeSchema = z.object({ id: z.string(), amount: z.number().int().positive(), reason: z.string().default("unknown"), status: z.string(), charge: ref, payment_intent: ref });
const refId = (value: z.infer<typeof ref>) => (typeof value === "string" ? value : (value?.id ?? null));
const SUBSCRIPTION_STATUS: Record<string, string> = {
  active: "ACTIVE", trialing: "ACTIVE", past_due: "PAST_DUE", unpaid: "PAST_DUE", incomplete: "INCOMPLETE",
  incomplete_expired: "CANCELED", canceled: "CANCELED",
};

function invoiceSubscriptionId(invoice: z.infer<typeof invoiceSchema>): string | null {
  const ref = invoice.subscription ?? invoice.parent?.subscription_details?.subscription ?? null;
  return typeof ref === "string" ? ref : (ref?.id ?? null);
}

/** What an invoice's payment was: the PaymentIntent, its charge and card (looked up at Stripe before applying). */
export type InvoicePaymentInfo = { paymentIntentRef: string; chargeRef: string | null; paymentMethodRef: string | null };

type Applied = {
  outcome: string;
  openJobId?: string;
  refund?: LateInvoiceRefund;
  paidVisit?: { recurringId: string; invoiceId: string; amountCents: number };
  payOwedTo?: string;
};

/**
 * An `invoice.paid` event does not carry its payment (API 2025-03-31 and later), so it is looked up before the
 * transaction: the invoice's paid InvoicePayment, then its PaymentIntent's charge and card.
 */
async function lookUpInvoicePayment(stripe: Stripe | undefined, object: unknown): Promise<InvoicePaymentInfo | null> {
  const invoice = invoiceSchema.parse(object);
  if (!stripe || !(invoice.amount_paid && invoice.amount_paid > 0)) return null;
  const payments = await stripe.invoicePayments.list({ invoice: invoice.id, status: "paid", limit: 10 });
  const ref = payments.data.map((p) => p.payment.payment_intent).find(Boolean);
  if (!ref) return null;
  const intent = typeof ref === "string" ? await stripe.paymentIntents.retrieve(ref) : ref;
  const charge = intent.latest_charge;
  const method = intent.payment_method;
  return {
    paymentIntentRef: intent.id,
    chargeRef: typeof charge === "string" ? charge : (charge?.id ?? null),
    paymentMethodRef: typeof method === "string" ? method : (method?.id ?? null),
  };
}

async function applyEvent(tx: Tx, type: string, object: unknown, invoicePayment: InvoicePaymentInfo | null): Promise<Applied> {
  switch (type) {
    case "payment_intent.payment_failed": {
      // The card was declined in the card form. The payment stays PENDING (the same PaymentIntent takes another card
      // until the payment window ends); the reason is kept for the customer and admins.
      const intent = paymentIntentSchema.parse(object);
      const { count } = await tx.payment.updateMany({
        where: { providerRef: intent.id, status: "PENDING" },
        data: { failureReason: (intent.last_payment_error?.message ?? "Payment failed").slice(0, 500) },
      });
      return { outcome: count ? "payment-failed" : "ignored" };
    }
    case "payment_intent.amount_capturable_updated": {
      const intent = paymentIntentSchema.parse(object);
      const payment = await tx.payment.findUnique({ where: { providerRef: intent.id }, select: { jobId: true, status: true } });
      // FAILED: a payment marked so before declines kept it PENDING; a later card succeeded on the same intent.
      if (payment?.status !== "PENDING" && payment?.status !== "FAILED") return { outcome: "ignored" };
      await bookAuthorizationConfirmed(tx, { idempotencyKey: paymentKeys.authorizeConfirmed(payment.jobId), jobId: payment.jobId });
      return { outcome: "authorized", openJobId: payment.jobId };
    }
    case "payment_intent.canceled": {
      // Stripe cancels an uncaptured hold by itself after about seven days ("automatic"); our own cancels have no reason.
      const intent = canceledIntentSchema.parse(object);
      if (intent.cancellation_reason !== "automatic" && intent.cancellation_reason !== "expired") return { outcome: "ignored" };
      return { outcome: (await recordHoldLapsed(tx, intent.id)) ? "hold-lapsed" : "ignored" };
    }
    case "charge.dispute.created":
    case "charge.dispute.updated":
    case "charge.dispute.closed": {
      const dispute = disputeSchema.parse(object);
      const event = {
        id: dispute.id, paymentIntentRef: refId(dispute.payment_intent), chargeRef: refId(dispute.charge),
        amountCents: dispute.amount, reason: dispute.reason, status: dispute.status,
      };
      const updated = type === "charge.dispute.created" ? null : await recordChargebackUpdated(tx, event, type === "charge.dispute.closed");
      const opened = updated ? updated.opened : await recordChargebackOpened(tx, event);
      // The customer's new jobs wait for an admin until the dispute is looked at (docs/payments.md "Chargebacks").
      if (opened) await tx.user.updateMany({ where: { id: opened.customerId, postingHeldAt: null }, data: { postingHeldAt: new Date() } });
      return { outcome: updated?.outcome ?? (opened ? "chargeback-opened" : "ignored") };
    }
    case "account.updated": {
      const account = accountSchema.parse(object);
      const owner = await tx.payoutAccount.findUnique({ where: { providerRef: account.id }, select: { userId: true } });
      if (!owner) return { outcome: "ignored" };
      await tx.payoutAccount.update({
        where: { providerRef: account.id },
        data: { payoutsEnabled: account.payouts_enabled ?? false, detailsSubmitted: account.details_submitted ?? false },
      });
      // Ready for payouts: what the scooper earned before onboarding is transferred now (after commit, by the worker).
      return { outcome: "payout-account-updated", ...(account.payouts_enabled ? { payOwedTo: owner.userId } : {}) };
    }
    case "invoice.paid":
    case "invoice.payment_failed": {
      const invoice = invoiceSchema.parse(object);
      const subscriptionId = invoiceSubscriptionId(invoice);
      if (!subscriptionId) return { outcome: "ignored" };
      const paid = type === "invoice.paid";
      // Locked: a cancellation marking it CANCELED waits for this event, or this event sees CANCELED (never a visit
      // recorded after the cancellation listed the visits to refund).
      const [billing] = await tx.$queryRaw<{ recurringId: string; status: string }[]>`
        SELECT "recurringId", "status" FROM "BillingSubscription" WHERE "providerRef" = ${subscriptionId} FOR UPDATE`;
      // Paid for a subscription of ours that no longer bills (cancelled, or replaced by an edit) while the invoice was
      // out: no visit will use it, so the money goes back (after commit).
      const ours = !!invoice.parent?.subscription_details?.metadata?.recurringId;
      if (paid && ours && invoicePayment && invoice.amount_paid && (!billing || billing.status === "CANCELED")) {
        return {
          outcome: "invoice-paid-refunded",
          refund: {
            invoiceId: invoice.id, paymentIntentRef: invoicePayment.paymentIntentRef, amountCents: invoice.amount_paid,
            recurringId: invoice.parent!.subscription_details!.metadata!.recurringId!,
          },
        };
      }
      if (!billing) return { outcome: "ignored" };
      const { count } = await tx.billingSubscription.updateMany({
        where: { providerRef: subscriptionId },
        data: {
          // A cancelled subscription stays cancelled whatever late invoice events say.
          ...(billing.status === "CANCELED" ? {} : { status: paid ? "ACTIVE" : "PAST_DUE" }),
          lastInvoiceRef: invoice.id, lastInvoiceStatus: paid ? "paid" : "payment_failed",
          ...(paid && invoicePayment?.paymentMethodRef ? { paymentMethodRef: invoicePayment.paymentMethodRef } : {}),
        },
      });
      // One paid invoice pays one visit (payments/billing/prepaid-visits.ts); a $0 invoice pays nothing.
      if (paid && invoicePayment && invoice.amount_paid) {
        const paidAt = invoice.status_transitions?.paid_at ? new Date(invoice.status_transitions.paid_at * 1000) : new Date();
        const recorded = await recordPaidInvoice(tx, {
          recurringId: billing.recurringId, invoiceRef: invoice.id, paymentIntentRef: invoicePayment.paymentIntentRef,
          chargeRef: invoicePayment.chargeRef, amountCents: invoice.amount_paid, paidAt,
        });
        if (recorded) return { outcome: "invoice-paid", paidVisit: { recurringId: billing.recurringId, invoiceId: invoice.id, amountCents: invoice.amount_paid } };
      }
      return { outcome: count ? (paid ? "invoice-paid" : "invoice-failed") : "ignored" };
    }
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      // Stripe ends a subscription itself (first invoice never paid, or retries exhausted): our row follows.
      const sub = subscriptionSchema.parse(object);
      const status = type === "customer.subscription.deleted" ? "CANCELED" : (SUBSCRIPTION_STATUS[sub.status] ?? null);
      if (!status) return { outcome: "ignored" };
      const { count } = await tx.billingSubscription.updateMany({ where: { providerRef: sub.id, status: { not: "CANCELED" } }, data: { status } });
      return { outcome: count ? `subscription-${status.toLowerCase()}` : "ignored" };
    }
    default:
      return { outcome: "ignored" };
  }
}

/** Applies a stored event once. Throws (so BullMQ retries) when applying fails; the claim rolls back with it. */
export async function processStripeEvent(db: Db, eventId: string, stripe: Stripe | undefined = env.STRIPE_SECRET_KEY ? getStripe() : undefined): Promise<string> {
  try {
    const stored = await db.stripeEvent.findUnique({ where: { id: eventId }, select: { type: true, payload: true, processedAt: true } });
    if (!stored) throw new Error(`Stripe event ${eventId} not found`);
    if (stored.processedAt) return "already-processed";
    const object = (stored.payload as unknown as VerifiedEvent).data?.object;
    const invoicePayment = stored.type === "invoice.paid" ? await lookUpInvoicePayment(stripe, object) : null;
    let outbox: OutboxRow[] = [];
    const applied = await db.$transaction(async (tx) => {
      const claimed = await tx.stripeEvent.updateMany({ where: { id: eventId, processedAt: null }, data: { processedAt: new Date(), lastError: null } });
      if (claimed.count === 0) return { outcome: "already-processed" };
      const result = await applyEvent(tx, stored.type, object, invoicePayment);
      // Owed here, with the event (a late invoice's refund too): a worker dying after this commit cannot lose them.
      const effects = [
        ...(result.payOwedTo ? [payOwedPayouts(result.payOwedTo, eventId)] : []),
        ...(result.refund ? [refundLateInvoice(result.refund)] : []),
      ];
      if (effects.length) outbox = await writeOutbox(tx, effects);
      // The receipt of a paid invoice is written with the prepaid visit it records: never one without the other.
      if (result.paidVisit) await writeVisitReceipt(tx, { kind: "visit-charge", ...result.paidVisit, reference: result.paidVisit.invoiceId });
      return result;
    });
    await dispatchOutbox(outbox);
    // After commit: a job that was waiting for this authorization goes on the board.
    if (applied.openJobId) await openPaidJob(db, applied.openJobId);
    return applied.outcome;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await db.stripeEvent.updateMany({ where: { id: eventId }, data: { lastError: message.slice(0, 1000) } });
    logger.warn({ eventId, err: message }, "stripe event processing failed; will retry");
    throw err;
  }
}
