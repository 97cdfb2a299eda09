/**
 * The weekly earnings email (Monday 08:00 APP_TIMEZONE, see worker/schedules.ts): every scooper who earned
 * anything in the previous Monday–Sunday week gets the total, each job (local date, address area, amount) and
 * the payout date. "Earned" = a CONFIRMED job whose `confirmedAt` falls in the week; the amount is the
 * take-home after the platform fee. (Until the payments issue adds a ledger, this is computed from the jobs.)
 * The event key `weekly-earnings:<scooperId>:<weekStart>` makes a second run (or a retry) send nothing.
 */
import { env } from "@/env";
import { takeHomeCents } from "@/lib/money";
import { localDateIn } from "@/lib/schedules";
import type { Tx } from "@/server/db";
import { logger } from "@/server/logger";
import { notify } from "./notify";
import { addressArea, previousWeek } from "./week";

export type WeeklyEarningsRun = { weekStart: string; scoopers: number; notified: number; failed: number };

export async function sendWeeklyEarnings(db: Tx, opts: { now?: Date; timeZone?: string } = {}): Promise<WeeklyEarningsRun> {
  const timeZone = opts.timeZone ?? env.APP_TIMEZONE;
  const week = previousWeek(opts.now ?? new Date(), timeZone);
  const jobs = await db.cleanupJob.findMany({
    where: { status: "CONFIRMED", scooperId: { not: null }, confirmedAt: { gte: week.from, lt: week.to } },
    orderBy: { confirmedAt: "asc" },
    select: { scooperId: true, address: true, priceCents: true, platformFeePercent: true, confirmedAt: true },
  });
  const byScooper = new Map<string, { date: string; area: string; amountCents: number }[]>();
  for (const job of jobs) {
    const lines = byScooper.get(job.scooperId!) ?? [];
    lines.push({ date: localDateIn(timeZone, job.confirmedAt!), area: addressArea(job.address), amountCents: takeHomeCents(job.priceCents, job.platformFeePercent) });
    byScooper.set(job.scooperId!, lines);
  }
  const run: WeeklyEarningsRun = { weekStart: week.weekStart, scoopers: byScooper.size, notified: 0, failed: 0 };
  for (const [scooperId, lines] of byScooper) {
    // One scooper's failure (e.g. a deleted account) must not stop the others; the run is retried as a whole
    // only by the next week's schedule, so log it.
    try {
      await notify(db, {
        kind: "earnings.weekly",
        recipientId: scooperId,
        eventKey: `weekly-earnings:${scooperId}:${week.weekStart}`,
        data: {
          weekStart: week.weekStart,
          weekEnd: week.weekEnd,
          payoutDate: week.payoutDate,
          totalCents: lines.reduce((sum, l) => sum + l.amountCents, 0),
          jobs: lines,
        },
      });
      run.notified += 1;
    } catch (err) {
      run.failed += 1;
      logger.error({ err, scooperId, weekStart: week.weekStart }, "weekly earnings notification failed");
    }
  }
  logger.info(run, "weekly earnings sent");
  return run;
}
