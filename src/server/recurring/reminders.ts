/**
 * The afternoon before each service date, remind the customer that a cleanup job will be posted tomorrow
 * morning (the notification service sends it by email/in-app as the customer allows; marketing-style emails
 * carry an unsubscribe link). Idempotent per subscription and date, so a re-run reminds nobody twice.
 */
import { env } from "@/env";
import { addDays, isServiceDate, localDateIn } from "@/lib/schedules";
import type { Db } from "@/server/db";
import { logger } from "@/server/logger";
import { notifyServiceDayReminder } from "@/server/notifications/reminders";
import { fromDbDate, toDbDate } from "./dates";

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
  let reminded = 0;
  let failed = 0;
  for (const sub of subs) {
    if (!isServiceDate({ frequency: sub.frequency, firstServiceDate: fromDbDate(sub.firstServiceDate) }, serviceDate)) continue;
    try {
      await notifyServiceDayReminder(db, { customerId: sub.customerId, subscriptionId: sub.id, serviceDate, address: sub.address, priceCents: sub.priceCents });
      reminded++;
    } catch (err) {
      failed++;
      logger.error({ err, subscriptionId: sub.id }, "service-day reminder failed");
    }
  }
  return { serviceDate, reminded, failed };
}
