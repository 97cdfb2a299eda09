/** Money is integer cents (USD) everywhere; these are the only places that turn it into text or split it. */
export const PLATFORM_FEE_PERCENT = 15;

export function platformFeeCents(priceCents: number, feePercent = PLATFORM_FEE_PERCENT): number {
  return Math.round((priceCents * feePercent) / 100);
}

/** What the scooper takes home from a job's price after the platform fee. */
export function takeHomeCents(priceCents: number, feePercent = PLATFORM_FEE_PERCENT): number {
  return priceCents - platformFeeCents(priceCents, feePercent);
}

const usd = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });

export function formatCents(cents: number): string {
  return usd.format(cents / 100);
}
