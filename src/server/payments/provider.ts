/**
 * The payment provider contract. Two implementations: the built-in ledger (ledger-provider.ts, the default and
 * what tests use) and Stripe (stripe-provider.ts, when STRIPE_SECRET_KEY is set); `getPaymentProvider()`
 * (get-provider.ts) picks one. Both record every money movement in the same double-entry ledger
 * (payment-book.ts), so earnings and receipts read one place whichever provider moved the money.
 *
 * Every operation is idempotent on a key derived from the job and the step (`paymentKeys`): a repeated call
 * returns the first call's result (`replayed: true`) and moves nothing. State changes are conditional, so two
 * different operations racing on one job (capture vs void) end with one winner; the loser gets
 * AppError("CONFLICT"). All amounts are integer cents (USD).
 */
import type { PaymentStatus } from "@/generated/prisma/enums";
import type { PaymentForm } from "./payment-form";

export const paymentKeys = {
  authorize: (jobId: string) => `job_${jobId}_authorize`,
  /** Stripe: the PaymentIntent was confirmed later (by the customer in the browser; seen by webhook). */
  authorizeConfirmed: (jobId: string) => `job_${jobId}_authorize_confirmed`,
  capture: (jobId: string) => `job_${jobId}_capture`,
  void: (jobId: string) => `job_${jobId}_void`,
  cancellationFee: (jobId: string) => `job_${jobId}_cancellation_fee`,
  /** `refundNo` numbers the refunds of one job (1, 2 …): the same number twice is the same refund. */
  refund: (jobId: string, refundNo: number) => `job_${jobId}_refund_${refundNo}`,
  tip: (jobId: string) => `job_${jobId}_tip`,
  /** Stripe: the payout Transfer that follows a capture, and its reversal after a refund. */
  transfer: (jobId: string, step: string) => `job_${jobId}_${step}_transfer`,
};

export type PaymentOperationKind = "authorize" | "capture" | "void" | "cancellation-fee" | "refund" | "tip";

export type PaymentResult = {
  paymentId: string;
  operationId: string;
  jobId: string;
  kind: PaymentOperationKind;
  /** The payment's status right after this operation. */
  status: PaymentStatus;
  /** The amount this operation moved (authorized, captured, voided, refunded, tipped). */
  amountCents: number;
  /** True when the key had been used before: nothing moved this time. */
  replayed: boolean;
  /** Stripe only: when the authorization still needs the customer (3-D Secure or a new card), for Stripe.js. */
  clientSecret?: string | null;
};

export type AuthorizeJobPaymentInput = {
  jobId: string;
  customerId: string;
  amountCents: number;
  /** Stripe only: the customer's saved payment method to confirm with at once; without it the UI confirms. */
  paymentMethodId?: string;
};

export type RefundReason = "DISPUTE_PARTIAL_REFUND" | "DISPUTE_FULL_REFUND" | "ADMIN";

export type PayoutAccountLink = { status: "ready" } | { status: "onboarding"; url: string };

export type SubscriptionBilling =
  | { mode: "per-job" }
  | { mode: "subscription"; subscriptionId: string; status: string; clientSecret?: string | null; publishableKey?: string | null };

export interface PaymentProvider {
  readonly name: "ledger" | "stripe";
  /** Holds the customer's money for a newly posted job (Stripe: a manual-capture PaymentIntent). */
  authorizeJobPayment(input: AuthorizeJobPaymentInput): Promise<PaymentResult>;
  /** On confirm or auto-confirm: charges the held amount, keeps the platform fee, pays the job's scooper the rest. */
  captureJobPayment(input: { jobId: string }): Promise<PaymentResult>;
  /** Cancel while OPEN, or expiry: releases the hold. */
  voidJobPayment(input: { jobId: string }): Promise<PaymentResult>;
  /** The poster cancels a CLAIMED job: charges only the fee (default CANCELLATION_FEE_PERCENT), all to the scooper. */
  settleCancellationFee(input: { jobId: string; scooperId: string; feeCents?: number }): Promise<PaymentResult>;
  /** Returns captured money to the customer (dispute outcomes), taken back from fee and payout in proportion. */
  refundJobPayment(input: { jobId: string; amountCents: number; reason: RefundReason; refundNo?: number }): Promise<PaymentResult>;
  /** A tip after confirmation: charged to the customer, all of it to the scooper. One per job. */
  recordTip(input: { jobId: string; tipCents: number }): Promise<PaymentResult>;
  /**
   * Stripe: transfers what a scooper was owed while they had no payout account (captures, cancellation fees, less
   * refunds), once their connected account can take payouts. Safe to repeat; the ledger has nothing to transfer.
   */
  payOwedPayouts(input: { scooperId: string }): Promise<{ transferred: number; amountCents: number }>;
  /** Where a scooper sets up payouts (Stripe Connect Express onboarding); the ledger needs nothing. */
  createPayoutAccountLink(input: { scooperId: string }): Promise<PayoutAccountLink>;
  /** Sets up billing of a recurring cleanup at its real frequency (Stripe Subscription); the ledger bills per job. */
  createSubscriptionBilling(input: { recurringId: string }): Promise<SubscriptionBilling>;
  /** Stops the billing of a cancelled recurring cleanup and refunds its unused prepaid visits. Safe to repeat. */
  cancelSubscriptionBilling(input: { recurringId: string }): Promise<void>;
  /**
   * Brings billing in line with the recurring cleanup as it is now (the worker runs it after every edit, pause,
   * resume and cancel): cancelled → cancel; a new price or schedule → a new subscription replacing the old one;
   * paused → invoices paused with it (Stripe: pause_collection, resuming before the first visit after the pause).
   * Safe to repeat.
   */
  syncSubscriptionBilling(input: { recurringId: string }): Promise<void>;
  /**
   * Pays a generated recurring job: with Stripe billing, from a paid invoice (a prepaid visit) or, when none
   * covers it, with the card that paid the last invoice; the ledger authorizes it like any job.
   */
  authorizeRecurringJob(input: { jobId: string; recurringId: string; customerId: string; amountCents: number }): Promise<PaymentResult>;
  /**
   * Stripe: the browser confirmed a PENDING authorization (card form); checks the PaymentIntent and books the hold.
   * Returns the authorization's current result (the same one when it was already authorized).
   */
  confirmJobAuthorization(input: { jobId: string }): Promise<PaymentResult>;
  /** Stripe: the card form for a subscription's open invoice (its first visit, or a failed renewal); null otherwise. */
  subscriptionPaymentForm(input: { recurringId: string }): Promise<PaymentForm | null>;
}
