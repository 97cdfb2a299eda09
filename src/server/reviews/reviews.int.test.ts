/** Reviews and tips through the API, the tip charged by the real worker on the ledger provider. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addPhotoRow, cast, createJobInState, validJobInput } from "@/test/factories";
import { settled } from "@/test/outbox";
import { startWorker, type RunningWorker } from "../../../worker/worker";

let running: RunningWorker;
beforeAll(async () => {
  running = await startWorker({ queues: ["payments", "emails"], schedules: false });
});
afterAll(async () => {
  await Promise.all(running.workers.map((w) => w.close()));
});

describe("reviews and tips", () => {
  it("takes one review per job with a tip paid to the scooper; a second is CONFLICT", async () => {
    const { customer, scooper } = await cast();
    const { id: jobId } = await customer.api.jobs.post({ ...validJobInput, priceCents: 2000 });
    await scooper.api.jobs.claim({ jobId });
    await scooper.api.jobs.start({ jobId });
    await addPhotoRow(jobId, scooper);
    await scooper.api.jobs.complete({ jobId });
    await expect(customer.api.reviews.leave({ jobId, rating: 5 })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await customer.api.jobs.confirm({ jobId });
    expect((await customer.api.jobs.byId({ jobId })).actions).toContain("review");

    await expect(scooper.api.reviews.leave({ jobId, rating: 5 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await customer.api.reviews.leave({ jobId, rating: 4, comment: "Tidy work", tipCents: 300 });
    await expect(customer.api.reviews.leave({ jobId, rating: 1 })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.review.findMany({ where: { jobId } })).toMatchObject([{ rating: 4, comment: "Tidy work", tipCents: 300, scooperId: scooper.id }]);

    await settled(jobId, "tip", 60_000);
    expect((await db.payment.findUniqueOrThrow({ where: { jobId } })).tipCents).toBe(300);
    const payable = await db.ledgerEntry.aggregate({ where: { account: { key: `scooper_payable:${scooper.id}` } }, _sum: { amountCents: true } });
    expect(payable._sum.amountCents).toBe(1700 + 300);
    const view = await customer.api.jobs.byId({ jobId });
    expect(view.review).toMatchObject({ rating: 4, tipCents: 300 });
    expect(view.actions).not.toContain("review");
  });

  it("refuses ratings outside 1..5", async () => {
    const { customer, scooper } = await cast();
    const job = await createJobInState(customer, "CONFIRMED", { scooper });
    for (const rating of [0, 6, 2.5]) {
      await expect(customer.api.reviews.leave({ jobId: job.id, rating })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await db.review.count({ where: { jobId: job.id } })).toBe(0);
  });

  it("averages a scooper's ratings on their profile and on the jobs they claim", async () => {
    const { customer, scooper } = await cast();
    expect(await scooper.api.reviews.myRating()).toEqual({ average: null, count: 0 });
    for (const rating of [5, 4, 4]) {
      const job = await createJobInState(customer, "CONFIRMED", { scooper });
      await customer.api.reviews.leave({ jobId: job.id, rating });
    }
    expect(await scooper.api.reviews.myRating()).toEqual({ average: 4.3, count: 3 });
    const claimed = await createJobInState(customer, "CLAIMED", { scooper });
    expect((await customer.api.jobs.byId({ jobId: claimed.id })).scooperRating).toEqual({ average: 4.3, count: 3 });
    expect((await scooper.api.jobs.byId({ jobId: claimed.id })).scooperRating).toBeNull();
  });
});
