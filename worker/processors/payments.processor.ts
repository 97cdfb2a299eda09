import { db } from "@/server/db";
import { getPaymentProvider } from "@/server/payments/get-provider";
import { settleJob } from "@/server/payments/job-settlement";
import type { SettlementStep } from "@/server/payments/settlement-queue";
import { processStripeEvent } from "@/server/payments/stripe-webhooks";

export async function stripeEventProcessor(payload: { eventId: string }): Promise<string> {
  return processStripeEvent(db, payload.eventId);
}

export async function settlementProcessor(payload: { jobId: string; step: SettlementStep }) {
  const result = await settleJob(db, payload.jobId, payload.step);
  return "status" in result ? { status: result.status, replayed: result.replayed } : result;
}

export async function billingSyncProcessor(payload: { recurringId: string }) {
  await getPaymentProvider().syncSubscriptionBilling({ recurringId: payload.recurringId });
  const billing = await db.billingSubscription.findUnique({ where: { recurringId: payload.recurringId }, select: { status: true } });
  return { billing: billing?.status ?? null };
}
