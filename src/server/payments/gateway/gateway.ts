/**
 * The money gateway: only the primitives that move money outside the database, nothing about jobs, fees or
 * subscriptions. Two implementations: Stripe (stripe-gateway.ts, when STRIPE_SECRET_KEY is set) and the offline
 * one (ledger-gateway.ts), where no money leaves the database and the ledger (payment-book.ts) is the whole truth.
 * The job money steps (steps/) decide what to call and book every movement in the ledger themselves.
 *
 * Every call carries the step's idempotency key: a repeat after a crash is the same request, so it moves nothing
 * twice. A card refusal is AppError("PRECONDITION_FAILED"); a payment that changed meanwhile is AppError("CONFLICT");
 * anything else (network, auth) propagates and the caller's queue retries it.
 */
export type Hold = {
  /** The provider's reference of the hold (a PaymentIntent id); null offline. */
  ref: string | null;
  /** True when the money is held now; false when the customer must still confirm it (3-D Secure, a new card). */
  held: boolean;
  /** What the browser needs to confirm a hold that is not held yet. */
  clientSecret: string | null;
};

export type Metadata = Record<string, string>;

export interface MoneyGateway {
  readonly name: "ledger" | "stripe";
  /** Holds `amountCents` on the customer's card (with `savedCardRef`, at once and off-session). */
  hold(input: { key: string; customerId: string; amountCents: number; savedCardRef?: string; metadata: Metadata; group: string }): Promise<Hold>;
  /** Whether a hold the customer confirmed later in the browser is held now (`message` says why not). */
  holdStatus(input: { ref: string | null }): Promise<{ held: boolean; message?: string; providerStatus?: string; cardRef?: string | null }>;
  /** Charges a held amount, or `amountCents` of it and releases the rest. Returns the charge made. */
  capture(input: { key: string; ref: string | null; amountCents?: number }): Promise<{ chargeRef: string | null }>;
  /** Releases a hold without charging anything. */
  releaseHold(input: { key: string; ref: string | null }): Promise<void>;
  /** Gives back `amountCents` of a charge. */
  refund(input: { key: string; ref: string | null; amountCents: number; metadata: Metadata; reason?: "requested_by_customer" }): Promise<void>;
  /** The charge behind a capture or payment (for a payout's source), when the gateway has one. */
  chargeOf(input: { ref: string }): Promise<string | null>;
  /** Pays `amountCents` to a scooper's payout account (from `sourceChargeRef` when known). Returns the transfer. */
  transfer(input: { key: string; destination: string; amountCents: number; sourceChargeRef?: string | null; metadata: Metadata; group: string }): Promise<string>;
  /** Takes back `amountCents` of a transfer (a refund after the scooper was paid). */
  reverseTransfer(input: { key: string; transferRef: string; amountCents: number; metadata: Metadata }): Promise<void>;
  /**
   * Charges the card behind an earlier charge (`fromRef`) again, e.g. a tip; with `destination` all of it goes to
   * that payout account. Returns the new charge's reference.
   */
  chargeSavedCard(input: { key: string; fromRef: string | null; amountCents: number; destination?: string | null; metadata: Metadata; group: string }): Promise<{ ref: string | null }>;
}
