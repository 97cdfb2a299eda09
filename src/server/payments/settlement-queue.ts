/**
 * A job's money steps and a subscription's billing changes as outbox effects (src/server/outbox/): written in the
 * transaction of the change that owes them, delivered to the worker's `payments` queue, retried with backoff, and
 * re-queued by the relay if Redis loses them. Each key names the step once: a job is captured, voided or tipped at
 * most once, so writing the same step twice adds nothing. Its own module, so the job state machine
 * (payment-gate.ts) can emit steps without importing the settlement code that calls back into it.
 */
import type { SETTLEMENT_STEPS } from "@/server/queues/definitions";
import type { OutboxEffect } from "@/server/outbox/outbox";

export type SettlementStep = (typeof SETTLEMENT_STEPS)[number];

export function settlement(jobId: string, step: SettlementStep): OutboxEffect {
  return { queue: "payments", payload: { kind: "settle", jobId, step }, key: `settle-${step}-${jobId}` };
}

/**
 * After a recurring cleanup's edit, pause, resume or cancel: the worker brings its billing in line
 * (provider.syncSubscriptionBilling). One effect per state of the row (its `updatedAt`), so a double click adds one.
 */
export function billingSync(recurringId: string, updatedAt: Date): OutboxEffect {
  return { queue: "payments", payload: { kind: "billing-sync", recurringId }, key: `billing-sync-${recurringId}-${updatedAt.getTime()}` };
}

/** A scooper's connected account can take payouts (Stripe event `eventId`): transfer what they were owed. */
export function payOwedPayouts(scooperId: string, eventId: string): OutboxEffect {
  return { queue: "payments", payload: { kind: "pay-owed", scooperId }, key: `pay-owed-${scooperId}-${eventId}` };
}
