/**
 * Payments' own outbox effects (src/server/outbox/): written in the transaction of the change that owes them,
 * delivered to the worker's `payments` queue, retried with backoff and re-queued by the relay if Redis loses them.
 * (A job's money steps are the jobs side's effects: jobs/settlement.ts.)
 */
import type { OutboxEffect } from "@/server/outbox/outbox";

/**
 * After a recurring cleanup's edit, pause, resume or cancel: the worker brings its billing in line
 * (provider.syncSubscriptionBilling). One effect per state of the row (its `updatedAt`), so a double click adds one.
 */
export function billingSync(recurringId: string, updatedAt: Date): OutboxEffect {
  return { queue: "payments", payload: { kind: "billing-sync", recurringId }, key: `billing-sync-${recurringId}-${updatedAt.getTime()}` };
}

/** An invoice paid after its subscription stopped billing, and what to refund. */
export type LateInvoiceRefund = { recurringId: string; invoiceId: string; paymentIntentRef: string; amountCents: number };

/** An invoice paid after its subscription stopped billing: the money goes back (payments/billing/late-invoice.ts). */
export function refundLateInvoice(refund: LateInvoiceRefund): OutboxEffect {
  return { queue: "payments", payload: { kind: "refund-invoice", ...refund }, key: `refund-invoice-${refund.invoiceId}` };
}

/** The hold a renewal replaced (`ref`) is released with the renewal's key (payments/steps/renew-hold.ts). */
export function releaseReplacedHold(jobId: string, ref: string, key: string): OutboxEffect {
  return { queue: "payments", payload: { kind: "release-hold", jobId, ref, key }, key: `release-hold-${jobId}-${ref}` };
}

/** A scooper's connected account can take payouts (Stripe event `eventId`): transfer what they were owed. */
export function payOwedPayouts(scooperId: string, eventId: string): OutboxEffect {
  return { queue: "payments", payload: { kind: "pay-owed", scooperId }, key: `pay-owed-${scooperId}-${eventId}` };
}
