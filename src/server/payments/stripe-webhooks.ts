/**
 * Stripe webhooks: the route verifies the signature and calls `acceptStripeEvent`, which stores the event once
 * (unique Stripe id) and enqueues its row id on the `payments` queue; the worker calls `processStripeEvent`,
 * which claims the row (`processedAt` set only while null) and applies it in the same transaction, so each
 * event changes state once however often Stripe delivers it or BullMQ retries it.
 */
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "@/server/db";
import { logger } from "@/server/logger";
import { enqueue } from "@/server/queues/queues";
import { bookAuthorizationConfirmed } from "./payment-book";
import { paymentKeys } from "./provider";

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
  // Older API versions put the subscription on the invoice; newer ones under parent.subscription_details.
  subscription: z.union([z.string(), z.object({ id: z.string() })]).nullish(),
  parent: z.object({ subscription_details: z.object({ subscription: z.union([z.string(), z.object({ id: z.string() })]).nullish() }).nullish() }).nullish(),
});

function invoiceSubscriptionId(invoice: z.infer<typeof invoiceSchema>): string | null {
  const ref = invoice.subscription ?? invoice.parent?.subscription_details?.subscription ?? null;
  return typeof ref === "string" ? ref : (ref?.id ?? null);
}

async function applyEvent(tx: Tx, type: string, object: unknown): Promise<string> {
  switch (type) {
    case "payment_intent.payment_failed": {
      const intent = paymentIntentSchema.parse(object);
      const { count } = await tx.payment.updateMany({
        where: { providerRef: intent.id, status: "PENDING" },
        data: { status: "FAILED", failureReason: (intent.last_payment_error?.message ?? "Payment failed").slice(0, 500) },
      });
      return count ? "payment-failed" : "ignored";
    }
    case "payment_intent.amount_capturable_updated": {
      const intent = paymentIntentSchema.parse(object);
      const payment = await tx.payment.findUnique({ where: { providerRef: intent.id }, select: { jobId: true, status: true } });
      if (payment?.status !== "PENDING") return "ignored";
      await bookAuthorizationConfirmed(tx, { idempotencyKey: paymentKeys.authorizeConfirmed(payment.jobId), jobId: payment.jobId });
      return "authorized";
    }
    case "account.updated": {
      const account = accountSchema.parse(object);
      const { count } = await tx.payoutAccount.updateMany({
        where: { providerRef: account.id },
        data: { payoutsEnabled: account.payouts_enabled ?? false, detailsSubmitted: account.details_submitted ?? false },
      });
      return count ? "payout-account-updated" : "ignored";
    }
    case "invoice.paid":
    case "invoice.payment_failed": {
      const invoice = invoiceSchema.parse(object);
      const subscriptionId = invoiceSubscriptionId(invoice);
      if (!subscriptionId) return "ignored";
      const paid = type === "invoice.paid";
      const { count } = await tx.billingSubscription.updateMany({
        where: { providerRef: subscriptionId },
        data: { status: paid ? "ACTIVE" : "PAST_DUE", lastInvoiceRef: invoice.id, lastInvoiceStatus: paid ? "paid" : "payment_failed" },
      });
      return count ? (paid ? "invoice-paid" : "invoice-failed") : "ignored";
    }
    default:
      return "ignored";
  }
}

/** Applies a stored event once. Throws (so BullMQ retries) when applying fails; the claim rolls back with it. */
export async function processStripeEvent(db: Db, eventId: string): Promise<string> {
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.stripeEvent.updateMany({ where: { id: eventId, processedAt: null }, data: { processedAt: new Date(), lastError: null } });
      const row = await tx.stripeEvent.findUnique({ where: { id: eventId }, select: { type: true, payload: true } });
      if (!row) throw new Error(`Stripe event ${eventId} not found`);
      if (claimed.count === 0) return "already-processed";
      const payload = row.payload as unknown as VerifiedEvent;
      return applyEvent(tx, row.type, payload.data?.object);
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await db.stripeEvent.updateMany({ where: { id: eventId }, data: { lastError: message.slice(0, 1000) } });
    logger.warn({ eventId, err: message }, "stripe event processing failed; will retry");
    throw err;
  }
}
