/**
 * One answer to "what did I earn": the weekly email and /earnings read the same ledger, and both equal cents
 * computed by hand for a week holding a tip, a cancellation fee, a partial dispute refund and a full refund —
 * every step through the API and the real worker (ledger provider, default 15% / 20% rates).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { sendWeeklyEarnings } from "@/server/notifications/weekly-earnings";
import { cast, doTheWork, validJobInput } from "@/test/factories";
import { allEffectsDone } from "@/test/outbox";
import { startWorker, type RunningWorker } from "../../../worker/worker";

let running: RunningWorker;
beforeAll(async () => {
  running = await startWorker({ queues: ["payments", "notifications", "emails"], schedules: false });
});
afterAll(async () => {
  await Promise.all(running.workers.map((w) => w.close()));
});

describe("a scooper's week", () => {
  it("shows the same hand-computed totals on /earnings and in the weekly email", async () => {
    const { customer, scooper, admin } = await cast();
    const post = async (priceCents: number) => (await customer.api.jobs.post({ ...validJobInput, priceCents })).id;

    // A: $20 confirmed, then a $3 tip → 1700 + 300.
    const a = await post(2000);
    await doTheWork(scooper, a);
    await customer.api.jobs.confirm({ jobId: a });
    await customer.api.reviews.leave({ jobId: a, rating: 5, tipCents: 300 });
    // B: $30 claimed, then cancelled by the poster → the 20% fee, 600, all to the scooper.
    const b = await post(3000);
    await scooper.api.jobs.claim({ jobId: b });
    await customer.api.jobs.cancel({ jobId: b });
    // C: $40 disputed, $10 refunded → 3400 paid out, less the scooper's share of the refund (1000 − 150 fee share) = 2550.
    const c = await post(4000);
    await doTheWork(scooper, c);
    await customer.api.disputes.open({ jobId: c, reason: "INCOMPLETE", text: "The back strip was missed" });
    await admin.api.disputes.resolve({ jobId: c, outcome: "PARTIAL_REFUND", refundCents: 1000 });
    // D: $25 disputed and fully refunded → nothing for the scooper.
    const d = await post(2500);
    await doTheWork(scooper, d);
    await customer.api.disputes.open({ jobId: d, reason: "NOT_DONE", text: "Nobody came" });
    await admin.api.disputes.resolve({ jobId: d, outcome: "FULL_REFUND" });
    await allEffectsDone(30_000);

    const expected = 1700 + 300 + 600 + 2550; // 5150
    const earnings = await scooper.api.payments.earnings();
    expect(earnings.thisWeek.totals).toMatchObject({ payoutCents: expected, tipCents: 300, jobCount: 3 });
    expect(Object.fromEntries(earnings.thisWeek.jobs.map((j) => [j.jobId, j.payoutCents]))).toEqual({ [a]: 2000, [b]: 600, [c]: 2550 });

    // The next Monday's run covers this week.
    const run = await sendWeeklyEarnings(db, { now: new Date(Date.now() + 7 * 86_400_000) });
    expect(run.failed).toBe(0);
    const email = await db.emailMessage.findFirstOrThrow({ where: { userId: scooper.id, kind: "earnings.weekly" } });
    expect(email.subject).toBe("You earned $51.50 this week");
    for (const amount of ["$20.00", "$6.00", "$25.50"]) expect(email.text).toContain(amount);
    expect(email.text).not.toContain("$25.00");
  });
});
