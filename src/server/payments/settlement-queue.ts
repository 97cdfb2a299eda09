/**
 * Queues a job's money step for the worker (job-settlement.ts does it): a `payments` queue job with a
 * deterministic id, retried with backoff. Its own module, so the job state machine (payment-gate.ts) can queue
 * steps without importing the settlement code that calls back into it.
 */
import { logger } from "@/server/logger";
import type { SETTLEMENT_STEPS } from "@/server/queues/definitions";
import { enqueue } from "@/server/queues/queues";

export type SettlementStep = (typeof SETTLEMENT_STEPS)[number];

export async function queueSettlement(jobId: string, step: SettlementStep): Promise<void> {
  try {
    await enqueue("payments", { kind: "settle", jobId, step }, { jobId: `settle-${step}-${jobId}`, attempts: 8, backoff: { type: "exponential", delay: 10_000 } });
  } catch (err) {
    logger.error({ err, jobId, step }, "could not queue a payment settlement");
  }
}


/**
 * After a recurring cleanup's edit, pause, resume or cancel commits: the worker brings its billing in line
 * (provider.syncSubscriptionBilling), retried with backoff, so a Stripe outage delays the change but never loses it.
 * One queue job per state of the row (its `updatedAt`), so a double click queues one.
 */
export async function queueBillingSync(recurringId: string, updatedAt: Date): Promise<void> {
  try {
    await enqueue("payments", { kind: "billing-sync", recurringId }, {
      jobId: `billing-sync-${recurringId}-${updatedAt.getTime()}`, attempts: 10, backoff: { type: "exponential", delay: 10_000 },
    });
  } catch (err) {
    logger.error({ err, recurringId }, "could not queue a billing sync");
  }
}

/** A scooper's connected account can take payouts: the worker transfers what they were owed (payOwedPayouts). */
export async function queuePayOwedPayouts(scooperId: string): Promise<void> {
  try {
    await enqueue("payments", { kind: "pay-owed", scooperId }, {
      jobId: `pay-owed-${scooperId}-${Date.now()}`, attempts: 8, backoff: { type: "exponential", delay: 10_000 },
    });
  } catch (err) {
    logger.error({ err, scooperId }, "could not queue the owed payouts");
  }
}
