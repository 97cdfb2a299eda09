/**
 * A tip added after the review, with a non-default tip window (2 hours instead of 72), and the scooper told of the
 * review and of the tip through the outbox and the real worker.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  Object.assign(process.env, { TIP_WINDOW_SECONDS: String(2 * 3600) });
});

import { db } from "@/server/db";
import { cast, createJobInState, doTheWork, validJobInput } from "@/test/factories";
import { allEffectsDone, settled } from "@/test/outbox";
import { startWorker, type RunningWorker } from "../../../worker/worker";

let running: RunningWorker;
beforeAll(async () => {
  running = await startWorker({ queues: ["payments", "notifications", "emails"], schedules: false });
});
afterAll(async () => {
  await Promise.all(running.workers.map((w) => w.close()));
});

const HOUR = 3600_000;
const scooperNotes = (userId: string) => db.notification.findMany({ where: { userId, kind: "review.received" }, orderBy: { createdAt: "asc" }, select: { title: true, body: true } });

describe("tips after the review", () => {
  it("tells the scooper of the review, takes one later tip from the poster only, charges it and tells the scooper", async () => {
    const { customer, scooper } = await cast();
    const { id: jobId } = await customer.api.jobs.post({ ...validJobInput, priceCents: 2000 });
    await doTheWork(scooper, jobId);
    await customer.api.jobs.confirm({ jobId });
    await customer.api.reviews.leave({ jobId, rating: 4 });

    const view = await customer.api.jobs.byId({ jobId });
    expect(view.actions).toContain("tip");
    expect(view.review!.tipUntil!.getTime() - view.review!.createdAt.getTime()).toBe(2 * HOUR);
    await allEffectsDone(30_000);
    expect(await scooperNotes(scooper.id)).toEqual([{ title: "You were rated 4 stars", body: expect.stringContaining("rated your cleanup 4/5") }]);

    await expect(scooper.api.reviews.addTip({ jobId, tipCents: 300 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(customer.api.reviews.addTip({ jobId, tipCents: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(customer.api.reviews.addTip({ jobId, tipCents: 50_001 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await customer.api.reviews.addTip({ jobId, tipCents: 250 })).toEqual({ tipCents: 250 });
    await expect(customer.api.reviews.addTip({ jobId, tipCents: 100 })).rejects.toMatchObject({ code: "CONFLICT" });

    await settled(jobId, "tip", 60_000);
    expect((await db.payment.findUniqueOrThrow({ where: { jobId } })).tipCents).toBe(250);
    await allEffectsDone(30_000);
    const notes = await scooperNotes(scooper.id);
    expect(notes).toHaveLength(2);
    expect(notes[1]).toEqual({ title: "You got a $2.50 tip", body: expect.stringContaining("added a $2.50 tip") });
    const after = await customer.api.jobs.byId({ jobId });
    expect(after.review).toMatchObject({ tipCents: 250, tipUntil: null });
    expect(after.actions).not.toContain("tip");
  });

  it("closes the tip window after TIP_WINDOW_SECONDS (here 2 hours)", async () => {
    const { customer, scooper } = await cast();
    const late = await createJobInState(customer, "CONFIRMED", { scooper });
    await expect(customer.api.reviews.addTip({ jobId: late.id, tipCents: 100 })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await customer.api.reviews.leave({ jobId: late.id, rating: 5 });
    await db.review.update({ where: { jobId: late.id }, data: { createdAt: new Date(Date.now() - 2 * HOUR - 60_000) } });
    expect((await customer.api.jobs.byId({ jobId: late.id })).actions).not.toContain("tip");
    await expect(customer.api.reviews.addTip({ jobId: late.id, tipCents: 100 })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect((await db.review.findUniqueOrThrow({ where: { jobId: late.id } })).tipCents).toBe(0);

    const inTime = await createJobInState(customer, "CONFIRMED", { scooper });
    await customer.api.reviews.leave({ jobId: inTime.id, rating: 5 });
    await db.review.update({ where: { jobId: inTime.id }, data: { createdAt: new Date(Date.now() - 2 * HOUR + 60_000) } });
    expect((await customer.api.jobs.byId({ jobId: inTime.id })).actions).toContain("tip");
    await customer.api.reviews.addTip({ jobId: inTime.id, tipCents: 100 });
    expect((await db.review.findUniqueOrThrow({ where: { jobId: inTime.id } })).tipCents).toBe(100);
  });
});
