import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { callerFor, createOpenJob, createUser } from "@/test/factories";
import { scooperEarnings, weekStarts } from "./earnings";
import { ledgerMoney } from "@/test/payments";

const provider = ledgerMoney(db);
const TZ = "America/New_York";

/** A job paid to `scooperId` at `paidAt` (the ledger rows are back-dated to that instant). */
async function paidJob(scooperId: string, paidAt: string, extra: { tipCents?: number; refundCents?: number } = {}) {
  const customer = await createUser(["CUSTOMER"]);
  const job = await createOpenJob(customer.id, { priceCents: 2000 });
  await db.cleanupJob.update({ where: { id: job.id }, data: { scooperId, status: "CONFIRMED" } });
  await provider.authorizeJobPayment({ jobId: job.id, customerId: customer.id, amountCents: 2000 });
  await provider.captureJobPayment({ jobId: job.id });
  if (extra.tipCents) await provider.recordTip({ jobId: job.id, tipCents: extra.tipCents });
  if (extra.refundCents) await provider.refundJobPayment({ jobId: job.id, amountCents: extra.refundCents, reason: "DISPUTE_PARTIAL_REFUND" });
  await db.ledgerTransaction.updateMany({ where: { jobId: job.id, kind: "authorize" }, data: { createdAt: new Date(new Date(paidAt).getTime() - 3600_000) } });
  await db.ledgerTransaction.updateMany({ where: { jobId: job.id, kind: { not: "authorize" } }, data: { createdAt: new Date(paidAt) } });
  return job;
}

describe("scooper earnings", () => {
  it("buckets jobs into local Monday–Sunday weeks across the daylight-saving change", async () => {
    const scooper = await createUser(["SCOOPER"]);
    // DST began Sunday 10 March 2030 at 02:00 in New York: that week is 167 hours long.
    const older = await paidJob(scooper.id, "2030-03-04T04:30:00Z"); // Sun 3 Mar 23:30 EST: the week before
    const mondayStart = await paidJob(scooper.id, "2030-03-04T05:30:00Z"); // Mon 4 Mar 00:30 EST
    const sundayLate = await paidJob(scooper.id, "2030-03-11T03:30:00Z"); // Sun 10 Mar 23:30 EDT (already Monday in UTC)
    const thisWeek = await paidJob(scooper.id, "2030-03-11T04:30:00Z", { tipCents: 500, refundCents: 400 }); // Mon 11 Mar 00:30 EDT
    const otherScooper = await createUser(["SCOOPER"]);
    await paidJob(otherScooper.id, "2030-03-12T15:00:00Z");

    const now = new Date("2030-03-13T16:00:00Z");
    const weeks = weekStarts(now, TZ);
    expect(weeks.thisWeek.toISOString()).toBe("2030-03-11T04:00:00.000Z");
    expect(weeks.lastWeek.toISOString()).toBe("2030-03-04T05:00:00.000Z");
    expect((weeks.thisWeek.getTime() - weeks.lastWeek.getTime()) / 3600_000).toBe(167);

    const earnings = await scooperEarnings(db, scooper.id, { now, timeZone: TZ });
    expect(earnings.lastWeek.jobs.map((j) => j.jobId).sort()).toEqual([mondayStart.id, sundayLate.id].sort());
    expect(earnings.lastWeek.totals).toEqual({ grossCents: 4000, feeCents: 600, tipCents: 0, payoutCents: 3400, jobCount: 2 });
    // 2000 less a 400 refund (60 of it from the fee), plus a 500 tip.
    expect(earnings.thisWeek.jobs).toEqual([
      expect.objectContaining({ jobId: thisWeek.id, grossCents: 1600, feeCents: 240, tipCents: 500, payoutCents: 1860, address: "1 Test St, Brooklyn" }),
    ]);
    expect(earnings.thisWeek.totals).toEqual({ grossCents: 1600, feeCents: 240, tipCents: 500, payoutCents: 1860, jobCount: 1 });
    expect(earnings.allTime.totals).toEqual({ grossCents: 7600, feeCents: 1140, tipCents: 500, payoutCents: 6960, jobCount: 4 });
    expect(earnings.allTime.jobs.at(-1)!.jobId).toBe(older.id);
  });

  it("is served to scoopers only, through the payments router", async () => {
    const scooper = await createUser(["SCOOPER"]);
    await paidJob(scooper.id, new Date().toISOString());
    const mine = await callerFor(scooper).payments.earnings();
    expect(mine.thisWeek.totals).toMatchObject({ payoutCents: 1700, jobCount: 1 });
    expect(await callerFor(scooper).payments.payoutOnboardingLink()).toEqual({ status: "ready" });

    const customer = await createUser(["CUSTOMER"]);
    await expect(callerFor(customer).payments.earnings()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(null).payments.earnings()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
