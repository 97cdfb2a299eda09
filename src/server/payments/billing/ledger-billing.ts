/**
 * Offline subscription billing: no subscription exists anywhere; each generated job is held and charged like any
 * posted job, so billing follows the real schedule by itself, an edit applies to the next job and a skipped visit
 * makes no job, so nothing is billed for it.
 */
import type { PaymentsContext } from "../context";
import { authorizeJobPayment } from "../steps/authorize";
import type { BillingService } from "./billing";

export function createLedgerBilling(ctx: PaymentsContext): BillingService {
  const { db } = ctx;
  const service: BillingService = {
    createSubscriptionBilling: async ({ recurringId }) => {
      await db.billingSubscription.upsert({
        where: { recurringId },
        create: { recurringId, provider: "ledger", status: "PER_JOB" },
        update: { status: "PER_JOB" },
      });
      return { mode: "per-job" };
    },
    cancelSubscriptionBilling: async ({ recurringId }) => {
      await db.billingSubscription.updateMany({ where: { recurringId }, data: { status: "CANCELED" } });
    },
    syncSubscriptionBilling: async ({ recurringId }) => {
      const recurring = await db.recurringCleanup.findUnique({ where: { id: recurringId }, select: { status: true } });
      if (recurring?.status === "CANCELLED") await service.cancelSubscriptionBilling({ recurringId });
    },
    authorizeRecurringJob: ({ jobId, customerId, amountCents }) => authorizeJobPayment(ctx, { jobId, customerId, amountCents }),
    subscriptionPaymentForm: async () => null,
  };
  return service;
}
