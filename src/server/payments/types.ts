/**
 * The words the payments rooms share: each job money step's idempotency key and the result every step returns.
 *
 * Every step (steps/) is idempotent on a key derived from the job and the step (`paymentKeys`): a repeated call
 * returns the first call's result (`replayed: true`) and moves nothing. State changes are conditional, so two
 * different steps racing on one job (capture vs void) end with one winner; the loser gets AppError("CONFLICT").
 * All amounts are integer cents (USD).
 */
import type { PaymentStatus } from "@/generated/prisma/enums";

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
  /** A hold about to lapse, renewed: one renewal per hold (named by when it was made). */
  renewHold: (jobId: string, heldAt: Date) => `job_${jobId}_renew_hold_${heldAt.getTime()}`,
  /** Stripe: the payout Transfer that follows a capture, and its reversal after a refund. */
  transfer: (jobId: string, step: string) => `job_${jobId}_${step}_transfer`,
};

export type PaymentOperationKind = "authorize" | "renew-hold" | "capture" | "void" | "cancellation-fee" | "refund" | "tip" | "chargeback" | "chargeback-won";

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
