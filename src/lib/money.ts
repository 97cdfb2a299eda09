/**
 * Money is integer cents (USD) everywhere; these are the only places that turn it into text or split it. Rates
 * are never defaulted here: a job carries the rates it was posted with (src/server/payments/fees.ts), and every
 * amount is computed from those.
 */
import { INTL_LOCALE, type Locale } from "./i18n/locales";

/**
 * The fee rates a job was posted with, in percent of its price, and the least a cancellation after "on my way"
 * owes the scooper (cents).
 */
export type FeeRates = { platformFeePercent: number; cancellationFeePercent: number; minCancelFeeCents: number };

export function platformFeeCents(priceCents: number, feePercent: number): number {
  return Math.round((priceCents * feePercent) / 100);
}

/** What the scooper takes home from a job's price after the platform fee. */
export function takeHomeCents(priceCents: number, feePercent: number): number {
  return priceCents - platformFeeCents(priceCents, feePercent);
}

/** What the poster pays (and the scooper receives) when cancelling a claimed job. */
export function cancellationFeeCents(priceCents: number, feePercent: number): number {
  return Math.round((priceCents * feePercent) / 100);
}

/**
 * What cancelling a claimed job owes the scooper: the job's cancellation rate of the price, but once the scooper
 * said "on my way" at least the job's minimum, and never more than the price.
 */
export function jobCancellationFeeCents(job: { priceCents: number; cancellationFeePercent: number; minCancelFeeCents: number }, onMyWay: boolean): number {
  const byRate = cancellationFeeCents(job.priceCents, job.cancellationFeePercent);
  return onMyWay ? Math.min(job.priceCents, Math.max(byRate, job.minCancelFeeCents)) : byRate;
}

/**
 * Every amount of one job, from its own rates: what the board, the job page, the emails and the charges use.
 * `onMyWayAt` (when the scooper said "on my way") raises the cancellation fee to the job's minimum.
 */
export function jobAmounts(job: { priceCents: number; onMyWayAt?: Date | null } & FeeRates) {
  return {
    platformFeeCents: platformFeeCents(job.priceCents, job.platformFeePercent),
    takeHomeCents: takeHomeCents(job.priceCents, job.platformFeePercent),
    cancellationFeeCents: jobCancellationFeeCents(job, !!job.onMyWayAt),
  };
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

// Made on first use, one per language: building a formatter costs a page's start-up time (every page that imports
// this module would otherwise build both, whatever it shows).
const usd: Partial<Record<Locale, Intl.NumberFormat>> = {};

/** An amount in dollars as the reader's language writes it ("$1,234.50" in both en-US and es-US). */
export function formatCents(cents: number, locale: Locale = "en"): string {
  return (usd[locale] ??= new Intl.NumberFormat(INTL_LOCALE[locale], { style: "currency", currency: "USD" })).format(cents / 100);
}
