/**
 * A scooper's earnings, read from the ledger (so it is the same whichever provider moved the money): per job
 * the gross (what the customer's charge left after refunds), the platform fee, the tip and the payout, bucketed
 * into weeks that run Monday 00:00 to Sunday 24:00 in APP_TIMEZONE (so a daylight-saving week is 167 or 169
 * hours long). A job belongs to the week it was paid (captured, or its cancellation fee charged); later refunds
 * change that job's numbers where it stands.
 */
import { z } from "zod";
import { env } from "@/env";
import { addDays, dayOfWeek, localDateIn, zonedTime } from "@/lib/schedules";
import type { Tx } from "@/server/db";
import { accounts } from "./ledger";

export const earningsJobSchema = z.object({
  jobId: z.string(),
  address: z.string(),
  paidAt: z.date(),
  grossCents: z.number().int(),
  feeCents: z.number().int(),
  tipCents: z.number().int(),
  /** Everything the scooper receives for the job: gross − fee + tip. */
  payoutCents: z.number().int(),
});
const totalsSchema = z.object({ grossCents: z.number().int(), feeCents: z.number().int(), tipCents: z.number().int(), payoutCents: z.number().int(), jobCount: z.number().int() });
const periodSchema = z.object({ from: z.date().nullable(), to: z.date().nullable(), totals: totalsSchema, jobs: z.array(earningsJobSchema) });
export const earningsSchema = z.object({ thisWeek: periodSchema, lastWeek: periodSchema, allTime: periodSchema });
export type EarningsJob = z.infer<typeof earningsJobSchema>;
export type Earnings = z.infer<typeof earningsSchema>;

const PAID_KINDS = new Set(["capture", "cancellation-fee"]);

/** Start of the local week (Monday 00:00 in `timeZone`) containing `now`, and the starts of the weeks around it. */
export function weekStarts(now: Date, timeZone: string) {
  const today = localDateIn(timeZone, now);
  const monday = addDays(today, -((dayOfWeek(today) + 6) % 7));
  const at = (date: string) => zonedTime(date, "00:00", timeZone);
  return { lastWeek: at(addDays(monday, -7)), thisWeek: at(monday), nextWeek: at(addDays(monday, 7)) };
}

function period(jobs: EarningsJob[], from: Date | null, to: Date | null) {
  const inside = jobs.filter((j) => (!from || j.paidAt >= from) && (!to || j.paidAt < to));
  const sum = (pick: (j: EarningsJob) => number) => inside.reduce((acc, j) => acc + pick(j), 0);
  return {
    from, to, jobs: inside,
    totals: { grossCents: sum((j) => j.grossCents), feeCents: sum((j) => j.feeCents), tipCents: sum((j) => j.tipCents), payoutCents: sum((j) => j.payoutCents), jobCount: inside.length },
  };
}

export async function scooperEarnings(db: Tx, scooperId: string, opts: { now?: Date; timeZone?: string } = {}): Promise<Earnings> {
  const payable = accounts.scooperPayable(scooperId).key;
  const platform = accounts.platformRevenue().key;
  const transactions = await db.ledgerTransaction.findMany({
    where: { jobId: { not: null }, entries: { some: { accountId: payable } } },
    select: { jobId: true, kind: true, createdAt: true, entries: { where: { accountId: { in: [payable, platform] } }, select: { accountId: true, amountCents: true } } },
    orderBy: { createdAt: "asc" },
  });
  const byJob = new Map<string, Omit<EarningsJob, "address" | "payoutCents"> & { netCents: number }>();
  for (const t of transactions) {
    const jobId = t.jobId!;
    const job = byJob.get(jobId) ?? { jobId, paidAt: t.createdAt, grossCents: 0, feeCents: 0, tipCents: 0, netCents: 0 };
    if (PAID_KINDS.has(t.kind) && job.grossCents === 0) job.paidAt = t.createdAt;
    for (const e of t.entries) {
      if (e.accountId === platform) job.feeCents += e.amountCents;
      else if (t.kind === "tip") job.tipCents += e.amountCents;
      else job.netCents += e.amountCents;
    }
    job.grossCents = job.netCents + job.feeCents;
    byJob.set(jobId, job);
  }
  const addresses = new Map(
    (await db.cleanupJob.findMany({ where: { id: { in: [...byJob.keys()] } }, select: { id: true, address: true } })).map((j) => [j.id, j.address]),
  );
  const jobs: EarningsJob[] = [...byJob.values()]
    .map(({ netCents, ...j }) => ({ ...j, address: addresses.get(j.jobId) ?? "", payoutCents: netCents + j.tipCents }))
    .sort((a, b) => b.paidAt.getTime() - a.paidAt.getTime());
  const weeks = weekStarts(opts.now ?? new Date(), opts.timeZone ?? env.APP_TIMEZONE);
  return {
    thisWeek: period(jobs, weeks.thisWeek, weeks.nextWeek),
    lastWeek: period(jobs, weeks.lastWeek, weeks.thisWeek),
    allTime: period(jobs, null, null),
  };
}
