/**
 * A job's whole life through the API with the real worker: the money (ledger provider) and the notifications
 * each transition triggers after its commit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addPhotoRow, cast, validJobInput } from "@/test/factories";
import { settled } from "@/test/outbox";
import { startWorker, type RunningWorker } from "../../../worker/worker";

let running: RunningWorker;
beforeAll(async () => {
  running = await startWorker({ queues: ["payments", "emails", "notifications"], schedules: false });
});
afterAll(async () => {
  await Promise.all(running.workers.map((w) => w.close()));
});


describe("a job's life with money and notifications", () => {
  it("holds the price on post, captures on confirm with the fee and payout, and notifies both sides", async () => {
    const { customer, scooper } = await cast();
    const { id } = await customer.api.jobs.post({ ...validJobInput, priceCents: 4000 });
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: id } })).toMatchObject({ status: "AUTHORIZED", amountCents: 4000 });

    await scooper.api.jobs.claim({ jobId: id });
    await scooper.api.jobs.start({ jobId: id });
    await addPhotoRow(id, scooper);
    await scooper.api.jobs.complete({ jobId: id });
    await customer.api.jobs.confirm({ jobId: id });
    await settled(id, "capture");
    await expect.poll(async () => (await db.payment.findUniqueOrThrow({ where: { jobId: id } })).status, { timeout: 10_000 }).toBe("CAPTURED");
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: id } })).toMatchObject({ capturedCents: 4000, platformFeeCents: 600, scooperPayoutCents: 3400 });

    // Every ledger transaction balances.
    const sums = await db.ledgerEntry.groupBy({ by: ["transactionId"], _sum: { amountCents: true } });
    expect(sums.every((s) => s._sum.amountCents === 0)).toBe(true);

    // Notifications are sent by the worker after each commit.
    await expect
      .poll(async () => (await db.notification.findMany({ where: { userId: customer.id } })).map((n) => n.kind).sort(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(["job.claimed", "job.completed"]));
    await expect.poll(async () => db.emailMessage.count({ where: { toAddress: customer.email, kind: { contains: "claimed" } } })).toBe(1);
  });

  it("pays the scooper exactly the cancellation fee when the poster cancels a claimed job", async () => {
    const { customer, scooper } = await cast();
    const { id } = await customer.api.jobs.post({ ...validJobInput, priceCents: 2500 });
    await scooper.api.jobs.claim({ jobId: id });
    const { feeOwedCents } = await customer.api.jobs.cancel({ jobId: id });
    expect(feeOwedCents).toBe(500);
    await settled(id, "cancellation-fee");
    await expect.poll(async () => (await db.payment.findUniqueOrThrow({ where: { jobId: id } })).capturedCents, { timeout: 10_000 }).toBe(500);
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: id } })).toMatchObject({ scooperPayoutCents: 500, platformFeeCents: 0 });
  });

  it("releases the hold when an open job is cancelled", async () => {
    const { customer } = await cast();
    const { id } = await customer.api.jobs.post(validJobInput);
    await customer.api.jobs.cancel({ jobId: id });
    await settled(id, "void");
    await expect.poll(async () => (await db.payment.findUniqueOrThrow({ where: { jobId: id } })).status, { timeout: 10_000 }).toBe("VOIDED");
  });

  it("re-posts an expired job in one tap, for its poster only", async () => {
    const { customer, scooper } = await cast();
    const { id } = await customer.api.jobs.post({ ...validJobInput, priceCents: 3100 });
    await expect(customer.api.jobs.repost({ jobId: id })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await db.cleanupJob.update({ where: { id }, data: { status: "EXPIRED" } });
    await expect(scooper.api.jobs.repost({ jobId: id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = (await cast()).customer;
    await expect(other.api.jobs.repost({ jobId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const again = await customer.api.jobs.repost({ jobId: id });
    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id: again.id } })).toMatchObject({
      status: "OPEN", posterId: customer.id, priceCents: 3100, accessNotes: validJobInput.accessNotes,
    });
  });
});
