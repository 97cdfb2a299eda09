/**
 * The afternoon before each service date, remind the customer that a cleanup job will be posted tomorrow
 * morning (the notification service sends it by email/in-app as the customer allows; marketing-style emails
 * carry an unsubscribe link). Idempotent per subscription and date, so a re-run reminds nobody twice.
 */
import { env } from "@/env";
import { addDays, isServiceDate, localDateIn, zonedTime } from "@/lib/schedules";
import type { Db } from "@/server/db";
import { logger } from "@/server/logger";
import { notifyRenewalReminder, notifyServiceDayReminder } from "@/server/notifications/reminders";
import { billingResumesAt, localBillingDate, nextBillingAt, renewalBillingDate } from "@/server/payments/billing/prepaid-visits";
import { fromDbDate, toDbDate } from "@/server/calendar";

export async function sendServiceDayReminders(db: Db, opts: { now?: Date } = {}): Promise<{ serviceDate: string; reminded: number; failed: number }> {
  const serviceDate = addDays(localDateIn(env.APP_TIMEZONE, opts.now ?? new Date()), 1);
  const day = toDbDate(serviceDate);
  const subs = await db.recurringCleanup.findMany({
    where: {
      firstServiceDate: { lte: day },
      OR: [{ status: "ACTIVE" }, { status: "PAUSED", pausedUntil: { lte: day } }],
    },
    select: { id: true, customerId: true, frequency: true, firstServiceDate: true, address: true, priceCents: true },
  });
  const due = subs.filter((sub) => isServiceDate({ frequency: sub.frequency, firstServiceDate: fromDbDate(sub.firstServiceDate) }, serviceDate));
  const counts = await remindEach(due, "service-day", (sub) =>
    notifyServiceDayReminder(db, { customerId: sub.customerId, subscriptionId: sub.id, serviceDate, address: sub.address, priceCents: sub.priceCents }),
  );
  return { serviceDate, ...counts };
}

/** One reminder per subscription; a failure is counted and logged and never stops the rest. */
async function remindEach<T extends { id: string }>(subs: T[], kind: string, send: (sub: T) => Promise<unknown>) {
  let reminded = 0;
  let failed = 0;
  for (const sub of subs) {
    try {
      await send(sub);
      reminded++;
    } catch (err) {
      failed++;
      logger.error({ err, subscriptionId: sub.id }, `${kind} reminder failed`);
    }
  }
  return { reminded, failed };
}

/**
 * Three days before a billing date, when payments are on (a Stripe subscription bills the visits; with the ledger
 * each visit is billed as its own job and there is no billing date to announce): remind the customer of the
 * amount. Billing dates follow the subscription's anchor (payments/billing/prepaid-visits.ts). A subscription paused through
 * that date is not billed, so not reminded. Idempotent per subscription and billing date.
 */
export async function sendRenewalReminders(db: Db, opts: { now?: Date } = {}): Promise<{ billingDate: string; reminded: number; failed: number }> {
  const billingDate = renewalBillingDate(localDateIn(env.APP_TIMEZONE, opts.now ?? new Date()));
  const dayStart = zonedTime(billingDate, "00:00", env.APP_TIMEZONE);
  const billings = await db.billingSubscription.findMany({
    where: { provider: "stripe", status: { in: ["ACTIVE", "PAST_DUE"] }, billingAnchorAt: { not: null } },
    select: { recurringId: true, billingAnchorAt: true },
  });
  const subs = new Map(
    (
      await db.recurringCleanup.findMany({
        where: { id: { in: billings.map((b) => b.recurringId) }, status: { in: ["ACTIVE", "PAUSED"] } },
        select: { id: true, customerId: true, frequency: true, status: true, pausedUntil: true, address: true, priceCents: true },
      })
    ).map((s) => [s.id, s]),
  );
  const due = billings.flatMap((billing) => {
    const sub = subs.get(billing.recurringId);
    if (!sub || !billing.billingAnchorAt) return [];
    const next = nextBillingAt(sub.frequency, billing.billingAnchorAt, dayStart);
    if (localBillingDate(next) !== billingDate) return [];
    // Paused: billed again only from two days before the first visit after the pause (an open-ended pause: never).
    const resumesAt = sub.status === "PAUSED" ? billingResumesAt(sub.pausedUntil && fromDbDate(sub.pausedUntil)) : null;
    return sub.status === "PAUSED" && (!resumesAt || next < resumesAt) ? [] : [sub];
  });
  const counts = await remindEach(due, "renewal", (sub) =>
    notifyRenewalReminder(db, { customerId: sub.customerId, subscriptionId: sub.id, billingDate, address: sub.address, amountCents: sub.priceCents }),
  );
  return { billingDate, ...counts };
}
