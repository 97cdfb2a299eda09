/**
 * A job's money steps as outbox effects (src/server/outbox/): written in the transaction of the transition that owes
 * them, delivered to the worker's `payments` queue, retried with backoff, and re-queued by the relay if Redis loses
 * them. Each key names the step once: a job is captured, voided or tipped at most once, so writing the same step
 * twice adds nothing. Its own module, so the job state machine (payment-gate.ts) can emit steps without importing
 * the funding code (funding.ts) that calls back into it.
 */
import type { SETTLEMENT_STEPS } from "@/server/queues/definitions";
import type { OutboxEffect } from "@/server/outbox/outbox";

export type SettlementStep = (typeof SETTLEMENT_STEPS)[number];

export function settlement(jobId: string, step: SettlementStep): OutboxEffect {
  return { queue: "payments", payload: { kind: "settle", jobId, step }, key: `settle-${step}-${jobId}` };
}
