/**
 * "On my way" through the API and the real worker, with non-default settings (30 km/h, a $7.00 minimum
 * cancellation fee): who may say it, once per claim, the estimate, the poster's notification (once), the
 * timeline, and the minimum fee on the ledger when the poster cancels afterwards.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  Object.assign(process.env, { ON_MY_WAY_SPEED_KMH: "30", MIN_CANCEL_FEE_CENTS: "700" });
});

import { db } from "@/server/db";
import { notifyJobOnMyWay } from "@/server/notifications/job-events";
import { callerFor, cast, createJobInState, createUser, validJobInput } from "@/test/factories";
import { allEffectsDone, settled } from "@/test/outbox";
import { startWorker, type RunningWorker } from "../../../worker/worker";

let running: RunningWorker;
beforeAll(async () => {
  running = await startWorker({ queues: ["payments", "notifications", "emails"], schedules: false });
});
afterAll(async () => {
  await Promise.all(running.workers.map((w) => w.close()));
});

// 0.045° of latitude north of validJobInput's pin: 5 004 m in a straight line, 10.01 min at 30 km/h → 11 min.
const fiveKmNorth = { lat: validJobInput.lat + 0.045, lng: validJobInput.lng };
const scooperPayable = async (scooperId: string) =>
  (await db.ledgerEntry.aggregate({ where: { account: { key: `scooper_payable:${scooperId}` } }, _sum: { amountCents: true } }))._sum.amountCents ?? 0;
const onMyWayNotes = (userId: string, jobId: string) => db.notification.findMany({ where: { userId, kind: "job.on-my-way", url: `/jobs/${jobId}` } });

describe("on my way", () => {
  it("tells the poster once, with an estimate at the configured speed, and records it on the timeline", async () => {
    const { customer, scooper } = await cast();
    const { id: jobId } = await customer.api.jobs.post({ ...validJobInput, priceCents: 1500 });
    await scooper.api.jobs.claim({ jobId });
    expect((await scooper.api.jobs.byId({ jobId })).actions).toContain("onMyWay");

    const before = Date.now();
    const res = await scooper.api.jobs.onMyWay({ jobId, location: fiveKmNorth });
    expect(res.distanceM).toBeGreaterThan(4990);
    expect(res.distanceM).toBeLessThan(5020);
    expect(res.etaMinutes).toBe(11);
    expect(res.etaAt!.getTime() - res.onMyWayAt.getTime()).toBe(11 * 60_000);
    expect(res.onMyWayAt.getTime()).toBeGreaterThanOrEqual(before);

    const page = await customer.api.jobs.byId({ jobId });
    expect(page).toMatchObject({ status: "CLAIMED", onMyWayAt: res.onMyWayAt, onMyWayEtaAt: res.etaAt });
    // Once the scooper is on the way, the poster's cancel button says the minimum: $7.00, not 20% ($3.00).
    expect(page.cancellationFeeCents).toBe(700);
    expect((await scooper.api.jobs.byId({ jobId })).actions).not.toContain("onMyWay");

    const events = await customer.api.jobs.timeline({ jobId });
    const onMyWay = events.filter((e) => e.type === "on_my_way");
    expect(onMyWay).toHaveLength(1);
    expect(onMyWay[0]).toMatchObject({ actor: "scooper", fromStatus: "CLAIMED", toStatus: "CLAIMED", details: expect.objectContaining({ etaMinutes: 11, speedKmh: 30, locationShared: true }) });
    // The scooper's position itself is not kept, only the distance and the estimate.
    const stored = await db.jobEvent.findFirstOrThrow({ where: { jobId, type: "on_my_way" } });
    expect(JSON.stringify(stored.details)).not.toContain(String(fiveKmNorth.lat));

    await allEffectsDone();
    const notes = await onMyWayNotes(customer.id, jobId);
    expect(notes).toEqual([expect.objectContaining({ title: "Your scooper is on the way", body: expect.stringContaining("(about 11 min)") })]);
    const mail = await db.emailMessage.findMany({ where: { toAddress: customer.email, kind: "job.on-my-way" } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain("about 11 minutes");
    // A redelivered effect sends nothing new.
    await notifyJobOnMyWay(db, jobId);
    expect(await onMyWayNotes(customer.id, jobId)).toHaveLength(1);
    expect(await db.emailMessage.count({ where: { toAddress: customer.email, kind: "job.on-my-way" } })).toBe(1);
    // Nobody else hears of it.
    expect(await db.notification.count({ where: { userId: scooper.id, kind: "job.on-my-way" } })).toBe(0);
  });

  it("works without a position (no estimate), and only once per claim", async () => {
    const { customer, scooper } = await cast();
    const { id: jobId } = await customer.api.jobs.post(validJobInput);
    await scooper.api.jobs.claim({ jobId });
    expect(await scooper.api.jobs.onMyWay({ jobId })).toMatchObject({ etaAt: null, etaMinutes: null, distanceM: null });
    await expect(scooper.api.jobs.onMyWay({ jobId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await allEffectsDone();
    const notes = await onMyWayNotes(customer.id, jobId);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).not.toContain("expected");
  });

  it("is refused to anyone but the scooper holding the claim, and outside CLAIMED", async () => {
    const { customer, scooper, otherScooper, admin } = await cast();
    const { id: jobId } = await customer.api.jobs.post(validJobInput);
    // OPEN: nobody holds the claim yet.
    await expect(scooper.api.jobs.onMyWay({ jobId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await scooper.api.jobs.claim({ jobId });
    await expect(customer.api.jobs.onMyWay({ jobId })).rejects.toMatchObject({ code: "FORBIDDEN" }); // not a scooper
    await expect(otherScooper.api.jobs.onMyWay({ jobId })).rejects.toMatchObject({ code: "NOT_FOUND" }); // cannot see it
    await expect(admin.api.jobs.onMyWay({ jobId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await scooper.api.jobs.start({ jobId });
    await expect(scooper.api.jobs.onMyWay({ jobId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await db.jobEvent.count({ where: { jobId, type: "on_my_way" } })).toBe(0);
  });

  it("two taps at once: exactly one is recorded and notified", async () => {
    const { customer, scooper } = await cast();
    const { id: jobId } = await customer.api.jobs.post(validJobInput);
    await scooper.api.jobs.claim({ jobId });
    const results = await Promise.allSettled([scooper.api.jobs.onMyWay({ jobId }), scooper.api.jobs.onMyWay({ jobId }), scooper.api.jobs.onMyWay({ jobId })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect((r.reason as { code: string }).code).toMatch(/^(CONFLICT|PRECONDITION_FAILED)$/);
    expect(await db.jobEvent.count({ where: { jobId, type: "on_my_way" } })).toBe(1);
    await allEffectsDone();
    expect(await onMyWayNotes(customer.id, jobId)).toHaveLength(1);
  });

  it("a release clears it: the next claim may say it again, and its cancellation fee is the rate again", async () => {
    const { customer, scooper, otherScooper } = await cast();
    const { id: jobId } = await customer.api.jobs.post({ ...validJobInput, priceCents: 1500 });
    await scooper.api.jobs.claim({ jobId });
    await scooper.api.jobs.onMyWay({ jobId });
    await scooper.api.jobs.release({ jobId });
    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ onMyWayAt: null, onMyWayEtaAt: null });
    await otherScooper.api.jobs.claim({ jobId });
    expect(await customer.api.jobs.byId({ jobId })).toMatchObject({ cancellationFeeCents: 300, onMyWayAt: null });
    expect((await otherScooper.api.jobs.byId({ jobId })).actions).toContain("onMyWay");
  });
});

describe("cancelling after on my way", () => {
  it("pays the scooper at least the job's minimum (fixed at posting), on the ledger and in the notice", async () => {
    const { customer, scooper } = await cast();
    const { id: jobId } = await customer.api.jobs.post({ ...validJobInput, priceCents: 1500 });
    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ minCancelFeeCents: 700, cancellationFeePercent: 20 });
    await scooper.api.jobs.claim({ jobId });
    await scooper.api.jobs.onMyWay({ jobId, location: fiveKmNorth });
    expect(await customer.api.jobs.cancel({ jobId })).toEqual({ feeOwedCents: 700 });
    await settled(jobId, "cancellation-fee");
    await allEffectsDone();
    expect(await db.payment.findUniqueOrThrow({ where: { jobId } })).toMatchObject({ status: "CAPTURED", capturedCents: 700, scooperPayoutCents: 700, platformFeeCents: 0 });
    expect(await scooperPayable(scooper.id)).toBe(700);
    const note = await db.notification.findFirstOrThrow({ where: { userId: scooper.id, kind: "job.cancelled" } });
    expect(note.body).toContain("$7.00 cancellation fee");
    const cancelled = await db.jobEvent.findFirstOrThrow({ where: { jobId, type: "cancelled" } });
    expect(cancelled.details).toMatchObject({ cancellationFeeCents: 700 });
  });

  it("before on my way the rate applies; a minimum above the price is capped at the price", async () => {
    const { customer, scooper } = await cast();
    const { id: early } = await customer.api.jobs.post({ ...validJobInput, priceCents: 1500 });
    await scooper.api.jobs.claim({ jobId: early });
    expect(await customer.api.jobs.cancel({ jobId: early })).toEqual({ feeOwedCents: 300 });
    await settled(early, "cancellation-fee");
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: early } })).toMatchObject({ capturedCents: 300 });

    const { id: cheap } = await customer.api.jobs.post({ ...validJobInput, priceCents: 600 });
    await scooper.api.jobs.claim({ jobId: cheap });
    await scooper.api.jobs.onMyWay({ jobId: cheap });
    expect(await customer.api.jobs.cancel({ jobId: cheap })).toEqual({ feeOwedCents: 600 });
    await settled(cheap, "cancellation-fee");
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: cheap } })).toMatchObject({ capturedCents: 600, scooperPayoutCents: 600 });
    expect(await scooperPayable(scooper.id)).toBe(900);
  });

  it("a job posted before the minimum existed (stored 0) keeps its rate after on my way", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const { scooper } = await cast();
    const job = await createJobInState(customer, "CLAIMED", { scooper, priceCents: 1500 });
    await db.cleanupJob.update({ where: { id: job.id }, data: { minCancelFeeCents: 0 } });
    await scooper.api.jobs.onMyWay({ jobId: job.id });
    expect(await callerFor(customer).jobs.byId({ jobId: job.id })).toMatchObject({ cancellationFeeCents: 300 });
  });

  it("a cancel racing on my way charges exactly the fee it recorded", async () => {
    for (let i = 0; i < 4; i++) {
      const { customer, scooper } = await cast();
      const { id: jobId } = await customer.api.jobs.post({ ...validJobInput, priceCents: 1500 });
      await scooper.api.jobs.claim({ jobId });
      const [way, cancel] = await Promise.allSettled([scooper.api.jobs.onMyWay({ jobId }), customer.api.jobs.cancel({ jobId })]);
      if (cancel.status === "rejected") {
        expect((cancel.reason as { code: string }).code).toBe("CONFLICT");
        expect(way.status).toBe("fulfilled");
        continue;
      }
      await settled(jobId, "cancellation-fee");
      const onMyWayFirst = way.status === "fulfilled";
      expect(cancel.value.feeOwedCents).toBe(onMyWayFirst ? 700 : 300);
      expect((await db.payment.findUniqueOrThrow({ where: { jobId } })).capturedCents).toBe(cancel.value.feeOwedCents);
    }
  });
});

