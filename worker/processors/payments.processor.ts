import { db } from "@/server/db";
import { getBilling } from "@/server/payments/billing/billing";
import { settleJob } from "@/server/jobs/funding";
import type { SettlementStep } from "@/server/jobs/settlement";
import { processStripeEvent } from "@/server/webhooks/stripe-events";

export async function stripeEventProcessor(payload: { eventId: string }): Promise<string> {
  return processStripeEvent(db, payload.eventId);
}

export async function settlementProcessor(payload: { jobId: string; step: SettlementStep }) {
  const result = await settleJob(db, payload.jobId, payload.step);
  return "status" in result ? { status: result.status, replayed: result.replayed } : result;
}

export async function billingSyncProcessor(payload: { recurringId: string }) {
  await getBilling().syncSubscriptionBilling({ recurringId: payload.recurringId });
  const billing = await db.billingSubscription.findUnique({ where: { recurringId: payload.recurringId }, select: { status: true } });
  return { billing: billing?.status ?? null };
}
