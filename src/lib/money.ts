/** Money is integer cents (USD) everywhere; these are the only places that turn it into text or split it. */
/** Defaults; the server reads the configured values from env (PLATFORM_FEE_PERCENT, CANCELLATION_FEE_PERCENT). */
export const PLATFORM_FEE_PERCENT = 15;
export const CANCELLATION_FEE_PERCENT = 20;

export function platformFeeCents(priceCents: number, feePercent = PLATFORM_FEE_PERCENT): number {
  return Math.round((priceCents * feePercent) / 100);
}

/** What the scooper takes home from a job's price after the platform fee. */
export function takeHomeCents(priceCents: number, feePercent = PLATFORM_FEE_PERCENT): number {
  return priceCents - platformFeeCents(priceCents, feePercent);
}

/** What the poster pays (and the scooper receives) when cancelling a claimed job. */
export function cancellationFeeCents(priceCents: number, feePercent = CANCELLATION_FEE_PERCENT): number {
  return Math.round((priceCents * feePercent) / 100);
}

/**
 * How a refund of captured money is taken back: the platform returns the share of it that it kept as its fee,
 * the scooper the rest (as Stripe's `refund_application_fee` + `reverse_transfer` would). The parts add up to
 * the refund, and computed on the running total so that several partial refunds add up to exactly the fee and
 * payout once everything is refunded. A capture that kept no fee (a cancellation fee) is refunded from the scooper.
 */
export function splitRefund(
  refundCents: number,
  captured: { capturedCents: number; platformFeeCents: number; refundedCents: number },
): { feeCents: number; scooperCents: number } {
  const feeShare = (refunded: number) => (captured.capturedCents > 0 ? Math.round((refunded * captured.platformFeeCents) / captured.capturedCents) : 0);
  const feeCents = feeShare(captured.refundedCents + refundCents) - feeShare(captured.refundedCents);
  return { feeCents, scooperCents: refundCents - feeCents };
}

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function formatCents(cents: number): string {
  return usd.format(cents / 100);
}
