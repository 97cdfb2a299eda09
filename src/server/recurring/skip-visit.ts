/**
 * Skipped visits: a customer skips one upcoming service date of their recurring cleanup (no job is generated for
 * it, so nothing is billed for it with the ledger) and may undo the skip until that date's generation has run.
 *
 * Skip, undo and generation serialise on the subscription's row: skip and undo lock it FOR UPDATE and check that
 * no job exists for the date; generation (generate.ts) locks the rows it is about to serve FOR SHARE and drops
 * skipped dates inside its own transaction. So a skip racing the 06:00 run either lands first (nothing is
 * generated) or finds the job and is refused, never both.
 */
import { compareDates, isServiceDate, type LocalDate } from "@/lib/schedules";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { firstOpenServiceDate, fromDbDate, toDbDate, upcomingDates } from "@/server/calendar";

/** How far ahead a visit may be skipped, in service dates shown (and accepted). */
export const SKIPPABLE_AHEAD = 8;

export type UpcomingVisit = { date: LocalDate; skipped: boolean };

async function lockOwned(tx: Tx, customerId: string, recurringId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "RecurringCleanup" WHERE id = ${recurringId} FOR UPDATE`;
  const sub = rows.length ? await tx.recurringCleanup.findUnique({ where: { id: recurringId } }) : null;
  if (!sub || sub.customerId !== customerId) throw new AppError("NOT_FOUND", "recurring.notFound");
  return sub;
}

async function requireNotGenerated(tx: Tx, recurringId: string, date: LocalDate, now: Date, verb: string) {
  const generated = await tx.cleanupJob.findFirst({ where: { recurringId, serviceDate: toDbDate(date) }, select: { id: true } });
  // The date's generation has run (a job exists), or its time has passed (today after 06:00, or earlier).
  if (generated || compareDates(date, firstOpenServiceDate(now)) < 0) {
    throw new AppError("PRECONDITION_FAILED", "recurring.visitScheduled", { date, change: verb });
  }
}

/** The next service dates of a subscription with whether each is skipped (what the page offers). */
export async function upcomingVisits(db: Tx, customerId: string, recurringId: string, now = new Date()): Promise<UpcomingVisit[]> {
  const sub = await db.recurringCleanup.findUnique({ where: { id: recurringId } });
  if (!sub || sub.customerId !== customerId) throw new AppError("NOT_FOUND", "recurring.notFound");
  const dates = upcomingDates(sub, SKIPPABLE_AHEAD, now);
  const skipped = await db.skippedVisit.findMany({ where: { recurringId, serviceDate: { in: dates.map(toDbDate) } }, select: { serviceDate: true } });
  const set = new Set(skipped.map((s) => fromDbDate(s.serviceDate)));
  return dates.map((date) => ({ date, skipped: set.has(date) }));
}

/** Skips one upcoming service date. Skipping a date twice is harmless (the same skip). */
export async function skipVisit(db: Db, customerId: string, recurringId: string, date: LocalDate, now = new Date()): Promise<UpcomingVisit[]> {
  await db.$transaction(async (tx) => {
    const sub = await lockOwned(tx, customerId, recurringId);
    if (sub.status === "CANCELLED") throw new AppError("PRECONDITION_FAILED", "recurring.cancelled");
    const schedule = { frequency: sub.frequency, firstServiceDate: fromDbDate(sub.firstServiceDate) };
    if (compareDates(date, schedule.firstServiceDate) < 0 || !isServiceDate(schedule, date)) {
      throw new AppError("BAD_REQUEST", "recurring.notServiceDate", { date }, { field: "date" });
    }
    await requireNotGenerated(tx, recurringId, date, now, "skipped");
    const ahead = upcomingDates({ ...sub, status: "ACTIVE", pausedUntil: null }, SKIPPABLE_AHEAD, now);
    if (!ahead.includes(date)) throw new AppError("BAD_REQUEST", "recurring.skipAheadLimit", { count: SKIPPABLE_AHEAD }, { field: "date" });
    await tx.skippedVisit.createMany({ data: [{ recurringId, serviceDate: toDbDate(date), createdById: customerId }], skipDuplicates: true });
  });
  return upcomingVisits(db, customerId, recurringId, now);
}

/** Undoes a skip, until the date's generation has run. */
export async function undoSkipVisit(db: Db, customerId: string, recurringId: string, date: LocalDate, now = new Date()): Promise<UpcomingVisit[]> {
  await db.$transaction(async (tx) => {
    await lockOwned(tx, customerId, recurringId);
    await requireNotGenerated(tx, recurringId, date, now, "put back");
    const { count } = await tx.skippedVisit.deleteMany({ where: { recurringId, serviceDate: toDbDate(date) } });
    if (count === 0) throw new AppError("PRECONDITION_FAILED", "recurring.notSkipped", { date });
  });
  return upcomingVisits(db, customerId, recurringId, now);
}

