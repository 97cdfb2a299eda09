/**
 * Calendar helpers of recurring cleanups: conversions between Prisma `@db.Date` values (midnight UTC) and local
 * dates ("YYYY-MM-DD"), and the service dates still to come.
 */
import { env } from "@/env";
import type { RecurringCleanup } from "@/generated/prisma/client";
import { addDays, compareDates, localDateIn, nextServiceDates, zonedTime, type LocalDate } from "@/lib/schedules";

export const toDbDate = (date: LocalDate): Date => new Date(`${date}T00:00:00.000Z`);
export const fromDbDate = (date: Date): LocalDate => date.toISOString().slice(0, 10);

/** Whether today's generation time (RECURRING_GENERATION_TIME in APP_TIMEZONE) has come. */
export function generationTimeReached(now = new Date()): boolean {
  return now >= zonedTime(localDateIn(env.APP_TIMEZONE, now), env.RECURRING_GENERATION_TIME, env.APP_TIMEZONE);
}

/** The first local date whose generation has not run yet: today before RECURRING_GENERATION_TIME, else tomorrow. */
export function firstOpenServiceDate(now = new Date()): LocalDate {
  const today = localDateIn(env.APP_TIMEZONE, now);
  return generationTimeReached(now) ? addDays(today, 1) : today;
}

/** The next `count` dates a job will be generated for, skipping a pause that has an end date. */
export function upcomingDates(sub: Pick<RecurringCleanup, "status" | "frequency" | "firstServiceDate" | "pausedUntil">, count = 5, now = new Date()): LocalDate[] {
  if (sub.status === "CANCELLED" || (sub.status === "PAUSED" && !sub.pausedUntil)) return [];
  let from = firstOpenServiceDate(now);
  if (sub.status === "PAUSED" && sub.pausedUntil && compareDates(fromDbDate(sub.pausedUntil), from) > 0) from = fromDbDate(sub.pausedUntil);
  return nextServiceDates({ frequency: sub.frequency, firstServiceDate: fromDbDate(sub.firstServiceDate) }, from, count);
}

