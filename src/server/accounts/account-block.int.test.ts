/**
 * Bans and suspensions bite on the marketplace (product rules, "Accounts and roles"), through the admin API with
 * the real worker settling the money and sending the notices.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/env";
import { zonedTime } from "@/lib/schedules";
import { db } from "@/server/db";
import { toDbDate } from "@/server/calendar";
import { generateDueRecurringJobs } from "@/server/recurring/generate";
import { addPhotoRow, cast, validJobInput } from "@/test/factories";
import { startWorker, type RunningWorker } from "../../../worker/worker";

let running: RunningWorker;
beforeAll(async () => {
  running = await startWorker({ queues: ["payments", "emails", "notifications"], schedules: false });
});
afterAll(async () => {
  await Promise.all(running.workers.map((w) => w.close()));
});

const payment = async (jobId: string) => (await db.payment.findUniqueOrThrow({ where: { jobId } })).status;

async function subscription(customerId: string, firstServiceDate: string, pausedUntil?: string) {
  return db.recurringCleanup.create({
    data: {
      customerId, frequency: "WEEKLY", firstServiceDate: toDbDate(firstServiceDate), priceCents: 1800, address: "12 Garden Pl, Brooklyn",
      lat: 40.69, lng: -73.99, type: "POOP", pileEstimate: "PILES_4_8", yardSegments: ["N"],
      ...(pausedUntil ? { status: "PAUSED" as const, pausedUntil: toDbDate(pausedUntil) } : {}),
    },
  });
}

describe("blocking a customer", () => {
  for (const block of ["ban", "suspend"] as const) {
    it(`${block}: cancels their open jobs through the admin cancellation, voiding the hold`, async () => {
      const { customer, scooper, admin } = await cast();
      const open = await customer.api.jobs.post(validJobInput);
      const claimed = await customer.api.jobs.post(validJobInput);
      await scooper.api.jobs.claim({ jobId: claimed.id });

      if (block === "ban") await admin.api.adminUsers.ban({ userId: customer.id, reason: "fraud" });
      else await admin.api.adminUsers.suspend({ userId: customer.id, until: new Date(Date.now() + 3_600_000), reason: "fraud" });

      expect(await db.cleanupJob.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({ status: "CANCELLED" });
      await expect.poll(() => payment(open.id), { timeout: 10_000 }).toBe("VOIDED");
      // Telling the parties is cancelJob's (the admin-cancellation notice); this rule only has to go through it.
      // Not the rule's business: a claimed job stays with its scooper for an admin to decide.
      expect(await db.cleanupJob.findUniqueOrThrow({ where: { id: claimed.id } })).toMatchObject({ status: "CLAIMED" });
      const events = await db.jobEvent.findMany({ where: { jobId: open.id, type: "cancelled" } });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ actorId: admin.id });
    });
  }

  it("pauses their subscriptions as ACCOUNT_BLOCKED: no pause date and no end of suspension lifts it, the customer resumes", async () => {
    const { customer, admin } = await cast();
    const active = await subscription(customer.id, "2032-01-06");
    const pausedWithDate = await subscription(customer.id, "2032-01-06", "2032-01-13");
    await admin.api.adminUsers.suspend({ userId: customer.id, until: new Date(Date.now() + 1000), reason: "chargebacks" });

    for (const { id } of [active, pausedWithDate]) {
      expect(await db.recurringCleanup.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PAUSED", pauseReason: "ACCOUNT_BLOCKED", pausedUntil: null });
    }
    // The suspension has ended and the old pause date has passed: generation still makes nothing for them.
    await new Promise((r) => setTimeout(r, 1100));
    const at = (date: string) => zonedTime(date, "06:00", env.APP_TIMEZONE);
    await generateDueRecurringJobs(db, { now: at("2032-01-20") });
    expect(await db.cleanupJob.count({ where: { recurringId: { in: [active.id, pausedWithDate.id] } } })).toBe(0);
    expect(await db.recurringCleanup.findUniqueOrThrow({ where: { id: active.id } })).toMatchObject({ status: "PAUSED", pauseReason: "ACCOUNT_BLOCKED" });

    // After reinstatement the customer resumes it themselves.
    await admin.api.adminUsers.reinstate({ userId: customer.id, reason: "resolved" });
    const resumed = await customer.api.recurring.resume({ id: active.id });
    expect(resumed).toMatchObject({ status: "ACTIVE", pauseReason: null });
  });
});

describe("blocking a scooper", () => {
  it("returns their claimed jobs to the board and puts in-progress ones in the admin's decision queue", async () => {
    const { customer, scooper, admin } = await cast();
    const claimed = await customer.api.jobs.post(validJobInput);
    const started = await customer.api.jobs.post(validJobInput);
    await scooper.api.jobs.claim({ jobId: claimed.id });
    await scooper.api.jobs.claim({ jobId: started.id });
    await scooper.api.jobs.start({ jobId: started.id });

    await admin.api.adminUsers.ban({ userId: scooper.id, reason: "no-shows" });

    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id: claimed.id } })).toMatchObject({ status: "OPEN", scooperId: null });
    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id: started.id } })).toMatchObject({ status: "IN_PROGRESS", scooperId: scooper.id });
    const queue = await admin.api.adminJobs.list({ needsDecision: true });
    expect(queue.map((j) => j.id)).toEqual([started.id]);
    expect(queue[0]!.needsAdminReason).toContain("no-shows");
    // Only admins see the queue.
    await expect(customer.api.adminJobs.list({ needsDecision: true })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // The admin's decision (here: cancel) takes it off the queue.
    await admin.api.adminJobs.cancel({ jobId: started.id, reason: "scooper banned mid-job" });
    expect(await admin.api.adminJobs.list({ needsDecision: true })).toEqual([]);
  });
});

describe("blocking a scooper with a \"can't get in\" report pending", () => {
  it("returns the UNREACHABLE job to the board: no answer left to give, no fee, the hold kept for the next claim", async () => {
    const { customer, scooper, otherScooper, admin } = await cast();
    const { id: jobId } = await customer.api.jobs.post(validJobInput);
    await scooper.api.jobs.claim({ jobId });
    await addPhotoRow(jobId, scooper, "UNREACHABLE");
    await scooper.api.jobs.reportUnreachable({ jobId, reason: "LOCKED_GATE" });

    await admin.api.adminUsers.suspend({ userId: scooper.id, until: new Date(Date.now() + 3_600_000), reason: "no-shows" });

    const job = await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "OPEN", scooperId: null, answerDeadlineAt: null });
    expect(job.expiresAt.getTime()).toBeGreaterThan(Date.now());
    const released = await db.jobEvent.findMany({ where: { jobId, type: "released_scooper_blocked" } });
    expect(released).toEqual([expect.objectContaining({ actorId: admin.id, fromStatus: "UNREACHABLE", toStatus: "OPEN" })]);
    await expect(customer.api.jobs.answerUnreachable({ jobId, answer: "retry" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    // No money step was written with the release: the hold stays for the next claim, nobody is owed a fee.
    expect(await db.outboxMessage.count({ where: { kind: "settle", payload: { path: ["jobId"], equals: jobId } } })).toBe(0);
    expect(await payment(jobId)).toBe("AUTHORIZED");
    expect(await db.ledgerEntry.count({ where: { account: { key: `scooper_payable:${scooper.id}` } } })).toBe(0);
    // Another scooper can take it.
    await otherScooper.api.jobs.claim({ jobId });
    // Applying the block again finds nothing more to do.
    const { applyStoredBlock } = await import("./account-block");
    expect(await applyStoredBlock(db, scooper.id, admin.id)).toMatchObject({ releasedJobIds: [] });
  });
});

describe("a block whose effects were cut short", () => {
  it("is applied in full by the worker from the outbox, once, and not after a reinstatement", async () => {
    const { customer, admin } = await cast();
    const open = await customer.api.jobs.post(validJobInput);
    // As if the web process died right after the ban committed: the status changed, its effect is in the outbox.
    await db.user.update({ where: { id: customer.id }, data: { status: "BANNED", statusReason: "fraud" } });
    const { applyStoredBlock } = await import("./account-block");
    expect(await applyStoredBlock(db, customer.id, admin.id)).toMatchObject({ cancelledJobIds: [open.id] });
    expect(await applyStoredBlock(db, customer.id, admin.id)).toMatchObject({ cancelledJobIds: [] });
    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id: open.id } })).toMatchObject({ status: "CANCELLED" });

    const later = await cast();
    const stillOpen = await later.customer.api.jobs.post(validJobInput);
    await admin.api.adminUsers.ban({ userId: later.customer.id, reason: "mistake" });
    expect(await db.outboxMessage.count({ where: { kind: "account-block", payload: { path: ["userId"], equals: later.customer.id } } })).toBe(1);
    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id: stillOpen.id } })).toMatchObject({ status: "CANCELLED" });
    await db.user.update({ where: { id: later.customer.id }, data: { status: "ACTIVE" } });
    expect(await applyStoredBlock(db, later.customer.id, admin.id)).toEqual({ skipped: "not blocked any more" });
  });
});
