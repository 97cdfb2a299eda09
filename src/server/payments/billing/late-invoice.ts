/**
 * An invoice paid after its subscription stopped billing (cancelled, or replaced by an edit, while the invoice was
 * out): no visit will use it, so the whole amount goes back to the card, with a receipt. Run by the worker from the
 * outbox effect the invoice's event wrote (`refundLateInvoice`, webhooks/stripe-events.ts), so it is retried until
 * it succeeds and re-queued if Redis loses it. Safe to repeat: the refund's idempotency key makes a second call
 * return the first refund, and the receipt is kept once per reference.
 */
import type Stripe from "stripe";
import { env } from "@/env";
import type { Db } from "@/server/db";
import type { LateInvoiceRefund } from "../effects";
import { queueVisitReceipt } from "../receipt-email";
import { getStripe } from "../stripe/client";

export async function refundLateInvoiceNow(
  db: Db,
  refund: LateInvoiceRefund,
  stripe: Stripe | undefined = env.STRIPE_SECRET_KEY ? getStripe() : undefined,
): Promise<{ refunded: number }> {
  if (!stripe) throw new Error("STRIPE_SECRET_KEY is not set: cannot refund a late invoice");
  const { invoiceId, paymentIntentRef, amountCents, recurringId } = refund;
  await stripe.refunds.create(
    { payment_intent: paymentIntentRef, amount: amountCents, metadata: { invoiceId, reason: "subscription no longer bills" } },
    { idempotencyKey: `invoice_${invoiceId}_refund` },
  );
  await queueVisitReceipt(db, { kind: "visit-refund", recurringId, amountCents, reference: `invoice_${invoiceId}_refund` });
  return { refunded: amountCents };
}
