/**
 * "Can't get in" through the API and the real worker, with non-default settings (1 h to answer, one active claim):
 * who may report and answer, the photos it needs (through the upload pipeline), "try again", the poster's cancel,
 * the answer deadline (timer service and sweep) racing "try again", an admin's cancel with or without the fee,
 * the money on the ledger and the notifications, each sent once.
 */
import fs from "node:fs";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const storageDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/scoop-unreachable-${process.pid}-${Date.now()}`;
  Object.assign(process.env, { STORAGE_DIR: dir, UNREACHABLE_ANSWER_SECONDS: "3600", MAX_ACTIVE_CLAIMS: "1" });
  return dir;
});

import { db } from "@/server/db";
import { uploadJobPhoto } from "@/server/jobs/photos";
import { sweepDeadlines } from "@/server/jobs/sweep-deadlines";
import { DeadlineNotReachedError } from "@/server/jobs/timers";
import { cancelAfterAnswerDeadline } from "@/server/jobs/unreachable";
import { reconcile } from "@/server/ops/reconcile";
import { getStorage } from "@/server/storage/storage";
import { addPhotoRow, cast, validJobInput } from "@/test/factories";
import { allEffectsDone, settled } from "@/test/outbox";
import { startWorker, type RunningWorker } from "../../../worker/worker";

let running: RunningWorker;
beforeAll(async () => {
  running = await startWorker({ queues: ["payments", "notifications", "emails", "photos"], schedules: false });
});
afterAll(async () => {
  await Promise.all(running.workers.map((w) => w.close()));
  fs.rmSync(storageDir, { recursive: true, force: true });
});

type Cast = Awaited<ReturnType<typeof cast>>;

/** A posted (ledger-funded) job claimed by `scooper`, $15.00 with the default 20 % cancellation fee ($3.00). */
async function claimedJob(c: Cast, priceCents = 1500) {
  const { id } = await c.customer.api.jobs.post({ ...validJobInput, priceCents });
  await c.scooper.api.jobs.claim({ jobId: id });
  return id;
}

/** Reported unreachable with one (row-only) photo. */
async function unreachableJob(c: Cast, priceCents = 1500) {
  const jobId = await claimedJob(c, priceCents);
  await addPhotoRow(jobId, c.scooper, "UNREACHABLE");
  await c.scooper.api.jobs.reportUnreachable({ jobId, reason: "LOCKED_GATE", note: "Padlocked" });
  return jobId;
}

const notes = (userId: string, kind: string) => db.notification.findMany({ where: { userId, kind } });
const payable = async (scooperId: string) =>
  (await db.ledgerEntry.aggregate({ where: { account: { key: `scooper_payable:${scooperId}` } }, _sum: { amountCents: true } }))._sum.amountCents ?? 0;

describe("reporting can't get in", () => {
  it("needs a photo through the upload pipeline, moves to UNREACHABLE with a deadline, and asks the poster once", async () => {
    const c = await cast();
    const { id: jobId } = await c.customer.api.jobs.post({ ...validJobInput, priceCents: 1500 });
    await c.scooper.api.jobs.claim({ jobId });
    await expect(c.scooper.api.jobs.reportUnreachable({ jobId, reason: "LOCKED_GATE" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });

    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 90, g: 90, b: 90 } } })
      .jpeg().withExif({ IFD0: { Make: "SpyCam" } }).toBuffer();
    const { id: photoId } = await uploadJobPhoto(db, getStorage(), c.scooper, { jobId, kind: "UNREACHABLE", bytes: jpeg });
    expect((await sharp((await getStorage().get((await db.photo.findUniqueOrThrow({ where: { id: photoId } })).originalKey))!).metadata()).exif).toBeUndefined();
    // Only the scooper holding the claim adds such photos.
    await expect(uploadJobPhoto(db, getStorage(), c.customer, { jobId, kind: "UNREACHABLE", bytes: jpeg })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const before = Date.now();
    const { answerDeadlineAt } = await c.scooper.api.jobs.reportUnreachable({ jobId, reason: "LOCKED_GATE", note: "Padlocked, nobody home" });
    expect(answerDeadlineAt.getTime() - before).toBeGreaterThanOrEqual(3600_000 - 1000);
    expect(answerDeadlineAt.getTime() - before).toBeLessThan(3600_000 + 5000);

    const page = await c.customer.api.jobs.byId({ jobId });
    expect(page).toMatchObject({ status: "UNREACHABLE", answerDeadlineAt, unreachable: { reason: "LOCKED_GATE", note: "Padlocked, nobody home" } });
    expect(page.actions).toEqual(["answerUnreachable"]);
    expect(page.photos.map((p) => p.kind)).toContain("UNREACHABLE");
    // The scooper keeps the access notes; the claim still counts toward their limit (1 here).
    const scooperView = await c.scooper.api.jobs.byId({ jobId });
    expect(scooperView.accessNotes).toBe(validJobInput.accessNotes);
    expect(scooperView.actions).toEqual([]);
    const { id: another } = await c.customer.api.jobs.post(validJobInput);
    await expect(c.scooper.api.jobs.claim({ jobId: another })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });

    const events = await c.customer.api.jobs.timeline({ jobId });
    expect(events.filter((e) => e.type === "unreachable")).toEqual([
      expect.objectContaining({ actor: "scooper", fromStatus: "CLAIMED", toStatus: "UNREACHABLE", details: expect.objectContaining({ reason: "LOCKED_GATE", photos: 1 }) }),
    ]);

    await allEffectsDone();
    const asked = await notes(c.customer.id, "job.unreachable");
    expect(asked).toEqual([expect.objectContaining({ title: "Your scooper could not get in", body: expect.stringContaining("(locked gate)") })]);
    const mail = await db.emailMessage.findMany({ where: { toAddress: c.customer.email, kind: "job.unreachable" } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain("$3.00 cancellation fee");
    expect((await db.payment.findUniqueOrThrow({ where: { jobId } })).status).toBe("AUTHORIZED");
  });

  it("is the claiming scooper's only, from CLAIMED or IN_PROGRESS", async () => {
    const c = await cast();
    const jobId = await claimedJob(c);
    await addPhotoRow(jobId, c.scooper, "UNREACHABLE");
    await expect(c.customer.api.jobs.reportUnreachable({ jobId, reason: "OTHER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(c.otherScooper.api.jobs.reportUnreachable({ jobId, reason: "OTHER" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(c.admin.api.jobs.reportUnreachable({ jobId, reason: "OTHER" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await c.scooper.api.jobs.start({ jobId });
    await c.scooper.api.jobs.reportUnreachable({ jobId, reason: "UNSAFE_DOG" });
    expect((await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("UNREACHABLE");
    await expect(c.scooper.api.jobs.reportUnreachable({ jobId, reason: "UNSAFE_DOG" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await db.jobEvent.count({ where: { jobId, type: "unreachable" } })).toBe(1);
  });
});

describe("the poster's answer", () => {
  it("try again: back to CLAIMED for the same scooper with a new start deadline; a new report needs new photos", async () => {
    const c = await cast();
    const jobId = await unreachableJob(c);
    await expect(c.otherScooper.api.jobs.answerUnreachable({ jobId, answer: "retry" })).rejects.toMatchObject({ code: "FORBIDDEN" }); // not a customer
    const before = Date.now();
    await c.customer.api.jobs.answerUnreachable({ jobId, answer: "retry" });
    const job = await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job).toMatchObject({ status: "CLAIMED", scooperId: c.scooper.id, answerDeadlineAt: null });
    expect(job.startDeadlineAt!.getTime()).toBeGreaterThanOrEqual(before + 7200_000 - 1000);
    await expect(c.customer.api.jobs.answerUnreachable({ jobId, answer: "retry" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    // The first report's photo does not count for a second one.
    await expect(c.scooper.api.jobs.reportUnreachable({ jobId, reason: "LOCKED_GATE" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await allEffectsDone();
    expect(await notes(c.scooper.id, "job.retry")).toEqual([expect.objectContaining({ title: "Please try the yard again" })]);
    expect(await db.emailMessage.count({ where: { toAddress: c.scooper.email, kind: "job.retry" } })).toBe(1);
    expect((await db.payment.findUniqueOrThrow({ where: { jobId } })).status).toBe("AUTHORIZED");
  });

  it("cancel: the scooper is paid the cancellation fee (the minimum after on my way), on the ledger and in the notice", async () => {
    const c = await cast();
    const jobId = await claimedJob(c);
    await c.scooper.api.jobs.onMyWay({ jobId });
    await addPhotoRow(jobId, c.scooper, "UNREACHABLE");
    await c.scooper.api.jobs.reportUnreachable({ jobId, reason: "WRONG_ADDRESS" });
    expect((await c.customer.api.jobs.byId({ jobId })).cancellationFeeCents).toBe(500);
    expect(await c.customer.api.jobs.answerUnreachable({ jobId, answer: "cancel" })).toEqual({ feeOwedCents: 500 });
    await settled(jobId, "cancellation-fee");
    await allEffectsDone();
    expect(await db.payment.findUniqueOrThrow({ where: { jobId } })).toMatchObject({ status: "CAPTURED", capturedCents: 500, scooperPayoutCents: 500 });
    expect(await payable(c.scooper.id)).toBe(500);
    expect(await notes(c.scooper.id, "job.cancelled")).toEqual([expect.objectContaining({ body: expect.stringContaining("$5.00 cancellation fee") })]);
    expect(await notes(c.customer.id, "job.cancelled")).toEqual([]);
  });
});

describe("the answer deadline", () => {
  it("cancels with the fee when nobody answered (sweep), telling both; a timer firing early changes nothing", async () => {
    const c = await cast();
    const jobId = await unreachableJob(c);
    await expect(cancelAfterAnswerDeadline(db, jobId)).rejects.toBeInstanceOf(DeadlineNotReachedError);
    await db.cleanupJob.update({ where: { id: jobId }, data: { answerDeadlineAt: new Date(Date.now() - 1000) } });
    expect((await c.customer.api.jobs.byId({ jobId })).actions).toEqual([]);
    await expect(c.customer.api.jobs.answerUnreachable({ jobId, answer: "retry" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const swept = await sweepDeadlines(db);
    expect(swept.unansweredCancelled).toBeGreaterThanOrEqual(1);
    expect(await cancelAfterAnswerDeadline(db, jobId)).toBe(false); // a late timer: nothing more
    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "CANCELLED" });
    expect(await db.jobEvent.findMany({ where: { jobId, toStatus: "CANCELLED" }, select: { type: true, actorId: true, details: true } })).toEqual([
      { type: "unreachable_deadline_passed", actorId: null, details: expect.objectContaining({ by: "system", cancellationFeeCents: 300 }) },
    ]);
    await settled(jobId, "cancellation-fee");
    await allEffectsDone();
    expect(await payable(c.scooper.id)).toBe(300);
    expect(await notes(c.scooper.id, "job.cancelled")).toHaveLength(1);
    expect(await notes(c.customer.id, "job.cancelled")).toHaveLength(1);
  });

  it("try again racing the deadline: exactly one wins", async () => {
    for (let i = 0; i < 5; i++) {
      const c = await cast();
      const jobId = await unreachableJob(c);
      const deadline = (await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId } })).answerDeadlineAt!;
      // The deadline service acts as if it ran just after the deadline, while the poster answers before it.
      const [retry, timer] = await Promise.allSettled([
        c.customer.api.jobs.answerUnreachable({ jobId, answer: "retry" }),
        cancelAfterAnswerDeadline(db, jobId, new Date(deadline.getTime() + 1)),
      ]);
      expect(timer.status).toBe("fulfilled");
      const timerWon = timer.status === "fulfilled" && timer.value === true;
      expect(retry.status === "fulfilled").toBe(!timerWon);
      const job = await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId } });
      expect(job.status).toBe(timerWon ? "CANCELLED" : "CLAIMED");
      expect(await db.jobEvent.count({ where: { jobId, fromStatus: "UNREACHABLE" } })).toBe(1);
    }
  });
});

describe("an admin cancelling an UNREACHABLE job", () => {
  it("must say whether the fee is owed; without it nothing is paid, with it the fee is; both audited", async () => {
    const c = await cast();
    const unpaid = await unreachableJob(c);
    expect((await c.admin.api.jobs.byId({ jobId: unpaid })).actions).toEqual(["adminCancelUnreachable"]);
    await expect(c.admin.api.adminJobs.cancel({ jobId: unpaid, reason: "Customer called support" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(c.scooper.api.jobs.cancel({ jobId: unpaid, reason: "x", scooperFeeOwed: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await c.admin.api.adminJobs.cancel({ jobId: unpaid, reason: "Wrong pin, not the scooper's fault", scooperFeeOwed: false });
    await settled(unpaid, "void");
    expect((await db.payment.findUniqueOrThrow({ where: { jobId: unpaid } })).status).toBe("VOIDED");
    expect(await db.auditLog.findMany({ where: { targetId: unpaid }, select: { action: true, reason: true } })).toEqual([
      { action: "job.cancel", reason: "Wrong pin, not the scooper's fault" },
    ]);

    const c2 = await cast();
    const paid = await unreachableJob(c2, 2000);
    await c2.admin.api.jobs.cancel({ jobId: paid, reason: "Gate was locked, scooper came", scooperFeeOwed: true });
    await settled(paid, "cancellation-fee");
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: paid } })).toMatchObject({ status: "CAPTURED", capturedCents: 400 });
    expect((await db.jobEvent.findFirstOrThrow({ where: { jobId: paid, type: "cancelled" } })).details).toMatchObject({ by: "admin", scooperFeeOwed: true, cancellationFeeCents: 400 });
    await allEffectsDone();
    expect(await notes(c2.customer.id, "job.cancelled")).toHaveLength(1);
    expect(await notes(c2.scooper.id, "job.cancelled")).toEqual([expect.objectContaining({ body: expect.stringContaining("$4.00") })]);
  });
});

describe("reconcile", () => {
  it("accepts an UNREACHABLE job whose payment is held", async () => {
    const c = await cast();
    const jobId = await unreachableJob(c);
    const report = await reconcile(db, { settleMinutes: 0, now: new Date(Date.now() + 60_000) });
    expect(report.mismatches.find((m) => m.jobId === jobId)).toBeUndefined();
  });
});
