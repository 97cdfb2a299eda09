/**
 * Billing a recurring cleanup through a Stripe Subscription without charging a visit twice.
 *
 * One paid invoice = one prepaid visit (`PrepaidVisit`). The subscription's first invoice (when it is created)
 * pays the first visit; every later invoice is billed one interval apart from an anchor placed before the
 * second visit, so each visit's money arrives before its job is generated:
 *   WEEKLY / BIWEEKLY  the day before each service date, at the generation time (06:00 APP_TIMEZONE);
 *   MONTHLY            the last day of each month (Stripe clamps day 31 to short months), for next month's visit.
 * A generated job takes the oldest AVAILABLE prepaid visit of its price instead of a new card hold; a visit no
 * paid invoice covers (invoice still failing, resumed after a pause) is authorized on its own with the card that
 * paid the last invoice. Unused prepaid visits are refunded when the subscription is cancelled or re-priced.
 * These are the pure parts and the database side; stripe-billing.ts makes the Stripe calls.
 */
import { env } from "@/env";
import type { RecurringFrequency } from "@/generated/prisma/enums";
import { addDays, localDateIn, zonedTime, type LocalDate } from "@/lib/schedules";
import type { Tx } from "@/server/db";

const WEEK_MS = 7 * 86_400_000;

/**
 * The billing instant that pays the second of the next two visits (`upcoming`, from `upcomingDates`): Stripe's
 * `billing_cycle_anchor`. The invoice made when the subscription starts pays the first.
 */
export function billingAnchor(frequency: RecurringFrequency, upcoming: readonly LocalDate[]): Date {
  const [first, second] = upcoming;
  if (!first || !second) throw new Error("billingAnchor needs the next two service dates");
  const tz = env.APP_TIMEZONE;
  const at = env.RECURRING_GENERATION_TIME;
  if (frequency === "MONTHLY") {
    const [y, m] = first.split("-").map(Number) as [number, number];
    const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10); // day 0 of the next month
    return zonedTime(lastDay, at, tz);
  }
  return zonedTime(addDays(second, -1), at, tz);
}

/** Adds `months` to an instant like Stripe's billing cycle does: same day of month, clamped to short months. */
function addMonthsClamped(anchor: Date, months: number): Date {
  const y = anchor.getUTCFullYear();
  const m = anchor.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(anchor);
  d.setUTCFullYear(y, m, Math.min(anchor.getUTCDate(), lastDay));
  return d;
}

/** The first billing instant at or after `from` of a subscription anchored at `anchor`. */
export function nextBillingAt(frequency: RecurringFrequency, anchor: Date, from: Date): Date {
  if (anchor >= from) return anchor;
  if (frequency === "MONTHLY") {
    let k = Math.max(0, (from.getUTCFullYear() - anchor.getUTCFullYear()) * 12 + from.getUTCMonth() - anchor.getUTCMonth() - 1);
    while (addMonthsClamped(anchor, k) < from) k++;
    return addMonthsClamped(anchor, k);
  }
  const step = frequency === "BIWEEKLY" ? 2 * WEEK_MS : WEEK_MS;
  return new Date(anchor.getTime() + Math.ceil((from.getTime() - anchor.getTime()) / step) * step);
}

/**
 * When billing resumes after a pause that ends on `pausedUntil` (Stripe's `pause_collection.resumes_at`): two days
 * before that first visit after the pause, at the generation time, so its invoice is paid before the visit. An
 * open-ended pause (null) resumes only when the customer resumes.
 */
export function billingResumesAt(pausedUntil: LocalDate | null): Date | null {
  return pausedUntil ? zonedTime(addDays(pausedUntil, -2), env.RECURRING_GENERATION_TIME, env.APP_TIMEZONE) : null;
}

/** The local date of the billing that a renewal reminder sent on `today` announces (three days ahead). */
export function renewalBillingDate(today: LocalDate): LocalDate {
  return addDays(today, 3);
}

export function localBillingDate(at: Date): LocalDate {
  return localDateIn(env.APP_TIMEZONE, at);
}

export type ClaimedVisit = { id: string; paymentIntentRef: string; chargeRef: string | null; amountCents: number };

/**
 * Takes the oldest AVAILABLE prepaid visit of this price for the job, or null. One statement with SKIP LOCKED:
 * two jobs (or a retried one) never take the same visit, and a job takes at most one (unique jobId).
 */
export async function claimPrepaidVisit(tx: Tx, input: { recurringId: string; jobId: string; amountCents: number }): Promise<ClaimedVisit | null> {
  const rows = await tx.$queryRaw<ClaimedVisit[]>`
    UPDATE "PrepaidVisit" SET "status" = 'USED', "jobId" = ${input.jobId}, "usedAt" = now()
     WHERE "id" = (
       SELECT "id" FROM "PrepaidVisit"
        WHERE "recurringId" = ${input.recurringId} AND "status" = 'AVAILABLE' AND "amountCents" = ${input.amountCents}
        ORDER BY "paidAt" LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING "id", "paymentIntentRef", "chargeRef", "amountCents"`;
  return rows[0] ?? null;
}

/** A paid invoice becomes a prepaid visit once, however often its webhook arrives. */
export async function recordPaidInvoice(
  tx: Tx,
  input: { recurringId: string; invoiceRef: string; paymentIntentRef: string; chargeRef: string | null; amountCents: number; paidAt: Date },
): Promise<boolean> {
  const { count } = await tx.prepaidVisit.createMany({ data: [{ ...input, status: "AVAILABLE" }], skipDuplicates: true });
  return count === 1;
}
