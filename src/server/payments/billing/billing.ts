/**
 * Subscription billing of recurring cleanups, its own room: with Stripe a Subscription billed at the cleanup's
 * frequency (stripe-billing.ts); offline each generated job is held and charged like any job (ledger-billing.ts).
 * `getBilling()` picks one from config.
 */
import type Stripe from "stripe";
import { paymentsContext, type PaymentsContext } from "../context";
import type { PaymentForm } from "../payment-form";
import type { PaymentResult, SubscriptionBilling } from "../types";
import { createLedgerBilling } from "./ledger-billing";
import { createStripeBilling } from "./stripe-billing";

export interface BillingService {
  /** Sets up billing of a recurring cleanup at its real frequency; the ledger bills per job. */
  createSubscriptionBilling(input: { recurringId: string }): Promise<SubscriptionBilling>;
  /** Stops the billing of a cancelled recurring cleanup and refunds its unused prepaid visits. Safe to repeat. */
  cancelSubscriptionBilling(input: { recurringId: string }): Promise<void>;
  /**
   * Brings billing in line with the recurring cleanup as it is now (the worker runs it after every edit, pause,
   * resume and cancel): cancelled → cancel; a new price or schedule → a new subscription replacing the old one;
   * paused → invoices paused with it. Safe to repeat.
   */
  syncSubscriptionBilling(input: { recurringId: string }): Promise<void>;
  /** Pays a generated recurring job: from a paid invoice (a prepaid visit) or the card on file; offline like any job. */
  authorizeRecurringJob(input: { jobId: string; recurringId: string; customerId: string; amountCents: number }): Promise<PaymentResult>;
  /** The card form for a subscription's open invoice (its first visit, or a failed renewal); null otherwise. */
  subscriptionPaymentForm(input: { recurringId: string }): Promise<PaymentForm | null>;
}

export function billingFor(ctx: PaymentsContext): BillingService {
  return ctx.stripe ? createStripeBilling({ ...ctx, stripe: ctx.stripe as Stripe }) : createLedgerBilling(ctx);
}

let current: BillingService | undefined;

export function getBilling(): BillingService {
  return (current ??= billingFor(paymentsContext()));
}
