/**
 * Disputes through the API with the real worker and the ledger provider: who may do what, in which state, and
 * exactly what money each outcome moves.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addPhotoRow, cast, validJobInput } from "@/test/factories";
import { allEffectsDone, settled } from "@/test/outbox";
import { startWorker, type RunningWorker } from "../../../worker/worker";

let running: RunningWorker;
beforeAll(async () => {
  running = await startWorker({ queues: ["payments", "notifications"], schedules: false });
});
afterAll(async () => {
  await Promise.all(running.workers.map((w) => w.close()));
});

async function completedJob(priceCents = 2000) {
  const people = await cast();
  const { id } = await people.customer.api.jobs.post({ ...validJobInput, priceCents });
  await people.scooper.api.jobs.claim({ jobId: id });
  await people.scooper.api.jobs.start({ jobId: id });
  await addPhotoRow(id, people.scooper);
  await people.scooper.api.jobs.complete({ jobId: id });
  return { ...people, jobId: id };
}

async function expectBalancedLedger(jobId: string) {
  const entries = await db.ledgerEntry.findMany({ where: { transaction: { operation: { payment: { jobId } } } }, select: { transactionId: true, amountCents: true } });
  expect(entries.length).toBeGreaterThan(0);
  const sums = new Map<string, number>();
  for (const e of entries) sums.set(e.transactionId, (sums.get(e.transactionId) ?? 0) + e.amountCents);
  expect([...sums.values()].every((s) => s === 0)).toBe(true);
}

const payment = (jobId: string) => db.payment.findUniqueOrThrow({ where: { jobId } });

describe("opening a dispute", () => {
  it("moves COMPLETED → DISPUTED, holds the payment, records the dispute and notifies scooper and admins", async () => {
    const { customer, scooper, admin, jobId } = await completedJob();
    await addPhotoRow(jobId, customer, "DISPUTE");
    const { id } = await customer.api.disputes.open({ jobId, reason: "INCOMPLETE", text: "Half the yard was skipped" });
    const job = await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId }, include: { dispute: true } });
    expect(job.status).toBe("DISPUTED");
    expect(job.dispute).toMatchObject({ id, reason: "INCOMPLETE", openedById: customer.id, respondedAt: null });
    expect(job.dispute!.responseDeadlineAt.getTime() - job.dispute!.openedAt.getTime()).toBe(48 * 3_600_000);
    expect((await payment(jobId)).status).toBe("AUTHORIZED");
    expect(await db.jobEvent.count({ where: { jobId, type: "dispute_opened", toStatus: "DISPUTED" } })).toBe(1);
    await allEffectsDone(); // notifications are sent by the worker
    expect(await db.notification.count({ where: { userId: scooper.id, kind: "dispute.opened" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: admin.id, kind: "dispute.opened" } })).toBe(1);

    const seen = await customer.api.jobs.byId({ jobId });
    expect(seen.dispute).toMatchObject({ reason: "INCOMPLETE", outcome: null });
    expect(seen.photos.map((p) => p.kind)).toContain("DISPUTE");
    expect((await scooper.api.jobs.byId({ jobId })).actions).toEqual(["respondToDispute"]);
  });

  it("refuses the scooper (FORBIDDEN), a stranger (NOT_FOUND) and a confirmed job (PRECONDITION_FAILED)", async () => {
    const { customer, scooper, otherScooper, jobId } = await completedJob();
    await expect(scooper.api.disputes.open({ jobId, reason: "OTHER", text: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(otherScooper.api.jobs.byId({ jobId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await customer.api.jobs.confirm({ jobId });
    await expect(customer.api.disputes.open({ jobId, reason: "OTHER", text: "too late" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await db.dispute.count({ where: { jobId } })).toBe(0);
  });

  it("leaves exactly one outcome when confirm and dispute race; the loser gets CONFLICT", async () => {
    for (let round = 0; round < 5; round++) {
      const { customer, jobId } = await completedJob();
      const results = await Promise.allSettled([customer.api.jobs.confirm({ jobId }), customer.api.disputes.open({ jobId, reason: "NOT_DONE", text: "Nothing was done" })]);
      const fulfilled = results.filter((r) => r.status === "fulfilled");
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      // Both read COMPLETED before either wrote: the guarded update picks the winner, the other is CONFLICT.
      expect(rejected[0]!.reason).toMatchObject({ code: "CONFLICT" });
      const job = await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } });
      const disputes = await db.dispute.count({ where: { jobId } });
      if (results[0].status === "fulfilled") {
        expect(job.status).toBe("CONFIRMED");
        expect(disputes).toBe(0);
      } else {
        expect(job.status).toBe("DISPUTED");
        expect(disputes).toBe(1);
      }
      expect(await db.jobEvent.count({ where: { jobId, toStatus: { in: ["CONFIRMED", "DISPUTED"] } } })).toBe(1);
    }
  });
});

describe("responding", () => {
  it("lets the scooper respond once, refuses the poster and a second response", async () => {
    const { customer, scooper, otherScooper, jobId } = await completedJob();
    await customer.api.disputes.open({ jobId, reason: "INCOMPLETE", text: "Missed the back" });
    await expect(customer.api.disputes.respond({ jobId, text: "me too" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(otherScooper.api.disputes.respond({ jobId, text: "not mine" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await addPhotoRow(jobId, scooper, "DISPUTE");
    await scooper.api.disputes.respond({ jobId, text: "The back gate was locked" });
    await expect(scooper.api.disputes.respond({ jobId, text: "again" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.dispute.findUniqueOrThrow({ where: { jobId } })).toMatchObject({ scooperResponse: "The back gate was locked" });
    expect(await db.jobEvent.count({ where: { jobId, type: "dispute_responded" } })).toBe(1);
    expect((await scooper.api.jobs.byId({ jobId })).actions).toEqual([]);
  });

  it("refuses a response after the deadline", async () => {
    const { customer, scooper, jobId } = await completedJob();
    await customer.api.disputes.open({ jobId, reason: "NOT_DONE", text: "Nobody came" });
    await db.dispute.update({ where: { jobId }, data: { responseDeadlineAt: new Date(Date.now() - 1000) } });
    await expect(scooper.api.disputes.respond({ jobId, text: "I came" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect((await db.dispute.findUniqueOrThrow({ where: { jobId } })).respondedAt).toBeNull();
  });
});

describe("resolving", () => {
  it("a partial refund moves exactly that amount, proportionally from fee and payout", async () => {
    const { customer, scooper, admin, jobId } = await completedJob(2000);
    await customer.api.disputes.open({ jobId, reason: "INCOMPLETE", text: "Half done" });
    await expect(scooper.api.disputes.resolve({ jobId, outcome: "RELEASE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(customer.api.disputes.resolve({ jobId, outcome: "RELEASE" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin.api.disputes.resolve({ jobId, outcome: "PARTIAL_REFUND", refundCents: 2000 })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await admin.api.disputes.resolve({ jobId, outcome: "PARTIAL_REFUND", refundCents: 500, note: "Half the yard" });
    expect((await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("RESOLVED");
    expect(await db.auditLog.count({ where: { action: "dispute.resolve", actorId: admin.id } })).toBe(1);
    await allEffectsDone();
    expect(await db.notification.count({ where: { userId: { in: [customer.id, scooper.id] }, kind: "dispute.resolved" } })).toBe(2);
    await settled(jobId, "dispute-resolution");

    const p = await payment(jobId);
    expect(p).toMatchObject({ status: "PARTIALLY_REFUNDED", capturedCents: 2000, refundedCents: 500 });
    // $20 job: fee $3.00, payout $17.00; a $5 refund takes $0.75 from the fee and $4.25 from the payout.
    const funding = await db.ledgerEntry.aggregate({ where: { account: { key: `customer_funding:${customer.id}` } }, _sum: { amountCents: true } });
    expect(funding._sum.amountCents).toBe(-1500);
    const payable = await db.ledgerEntry.aggregate({ where: { account: { key: `scooper_payable:${scooper.id}` } }, _sum: { amountCents: true } });
    expect(payable._sum.amountCents).toBe(1700 - 425);
    const fee = await db.ledgerEntry.aggregate({ where: { account: { key: "platform_revenue" }, transaction: { operation: { payment: { jobId } } } }, _sum: { amountCents: true } });
    expect(fee._sum.amountCents).toBe(300 - 75);
    await expectBalancedLedger(jobId);
    await expect(admin.api.disputes.resolve({ jobId, outcome: "RELEASE" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("RELEASE pays the scooper in full", async () => {
    const { customer, scooper, admin, jobId } = await completedJob(3000);
    await customer.api.disputes.open({ jobId, reason: "OTHER", text: "Not sure" });
    await admin.api.disputes.resolve({ jobId, outcome: "RELEASE" });
    await settled(jobId, "dispute-resolution");
    expect(await payment(jobId)).toMatchObject({ status: "CAPTURED", capturedCents: 3000, refundedCents: 0, scooperPayoutCents: 2550, platformFeeCents: 450 });
    const payable = await db.ledgerEntry.aggregate({ where: { account: { key: `scooper_payable:${scooper.id}` } }, _sum: { amountCents: true } });
    expect(payable._sum.amountCents).toBe(2550);
    await expectBalancedLedger(jobId);
  });

  it("FULL_REFUND releases the hold: nothing is captured", async () => {
    const { customer, scooper, admin, jobId } = await completedJob(2500);
    await customer.api.disputes.open({ jobId, reason: "NOT_DONE", text: "Nobody came" });
    const { refundCents } = await admin.api.disputes.resolve({ jobId, outcome: "FULL_REFUND" });
    expect(refundCents).toBe(2500);
    await settled(jobId, "dispute-resolution");
    expect(await payment(jobId)).toMatchObject({ status: "VOIDED", capturedCents: 0 });
    const funding = await db.ledgerEntry.aggregate({ where: { account: { key: `customer_funding:${customer.id}` } }, _sum: { amountCents: true } });
    expect(funding._sum.amountCents).toBe(0);
    expect(await db.ledgerEntry.count({ where: { account: { key: `scooper_payable:${scooper.id}` } } })).toBe(0);
    await expectBalancedLedger(jobId);
  });

  it("lists open disputes oldest first for admins only", async () => {
    const a = await completedJob();
    const b = await completedJob();
    await a.customer.api.disputes.open({ jobId: a.jobId, reason: "OTHER", text: "first" });
    await b.customer.api.disputes.open({ jobId: b.jobId, reason: "OTHER", text: "second" });
    const queue = await a.admin.api.disputes.openQueue();
    const ids = queue.map((d) => d.jobId);
    expect(ids.indexOf(a.jobId)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(a.jobId)).toBeLessThan(ids.indexOf(b.jobId));
    await expect(a.customer.api.disputes.openQueue()).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Cancelled by an admin instead of resolved: no longer waiting in the queue.
    await a.admin.api.jobs.cancel({ jobId: a.jobId, reason: "duplicate job" });
    expect((await a.admin.api.disputes.openQueue()).map((d) => d.jobId)).not.toContain(a.jobId);
  });
});
