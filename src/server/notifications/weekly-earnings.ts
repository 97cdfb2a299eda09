/**
 * The weekly earnings email (Monday 08:00 APP_TIMEZONE, see worker/schedules.ts): every scooper paid for anything
 * in the previous Monday–Sunday week gets the total and each job (local date, address area, amount). It reads the
 * ledger through `scooperEarnings`, the same function as /earnings, so the two always agree: a job's amount is what
 * the scooper receives for it (take-home after the job's own platform fee, or the cancellation fee, plus tips, less
 * the scooper's share of refunds). It says when that money moves in the provider in use. The event key
 * `weekly-earnings:<scooperId>:<weekStart>` makes a second run (or a retry) send nothing.
 */
import { env } from "@/env";
import { localDateIn } from "@/lib/schedules";
import type { Tx } from "@/server/db";
import { logger } from "@/server/logger";
import { scooperEarnings } from "@/server/payments/earnings";
import { paymentsContext } from "@/server/payments/context";
import { notify } from "./notify";
import { addressArea, previousWeek } from "./week";

export type WeeklyEarningsRun = { weekStart: string; scoopers: number; notified: number; failed: number };

export async function sendWeeklyEarnings(db: Tx, opts: { now?: Date; timeZone?: string } = {}): Promise<WeeklyEarningsRun> {
  const timeZone = opts.timeZone ?? env.APP_TIMEZONE;
  const now = opts.now ?? new Date();
  const week = previousWeek(now, timeZone);
  // Scoopers whose payable account moved in the week; each one's week is then read as /earnings reads it.
  const accounts = await db.ledgerAccount.findMany({
    where: { kind: "SCOOPER_PAYABLE", ownerId: { not: null }, entries: { some: { createdAt: { gte: week.from, lt: week.to } } } },
    select: { ownerId: true },
  });
  // The provider that holds the money: the email says when it reaches the bank (emails `words.payoutNote`).
  const payoutProvider = paymentsContext().gateway.name;
  const run: WeeklyEarningsRun = { weekStart: week.weekStart, scoopers: 0, notified: 0, failed: 0 };
  for (const { ownerId } of accounts) {
    const scooperId = ownerId!;
    // One scooper's failure (e.g. a deleted account) must not stop the others; the run is retried as a whole
    // only by the next week's schedule, so log it.
    try {
      const { lastWeek } = await scooperEarnings(db, scooperId, { now, timeZone });
      if (lastWeek.jobs.length === 0) continue;
      run.scoopers += 1;
      const jobs = [...lastWeek.jobs]
        .sort((a, b) => a.paidAt.getTime() - b.paidAt.getTime())
        .map((j) => ({ date: localDateIn(timeZone, j.paidAt), area: addressArea(j.address), amountCents: j.payoutCents }));
      await notify(db, {
        kind: "earnings.weekly",
        recipientId: scooperId,
        eventKey: `weekly-earnings:${scooperId}:${week.weekStart}`,
        data: { weekStart: week.weekStart, weekEnd: week.weekEnd, payoutProvider, totalCents: lastWeek.totals.payoutCents, jobs },
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
