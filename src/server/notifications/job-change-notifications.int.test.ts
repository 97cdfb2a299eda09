/**
 * Who hears of a cancellation, and a preferred scooper of a job reserved for them — through the API and the real
 * worker (outbox → notifications queue → in-app rows and emails).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/env";
import { localDateIn } from "@/lib/schedules";
import { db } from "@/server/db";
import { cancelOverduePayments } from "@/server/jobs/payment-gate";
import { toDbDate } from "@/server/calendar";
import { generateDueRecurringJobs } from "@/server/recurring/generate";
import { cast, createJobInState, createUser, validJobInput } from "@/test/factories";
import { allEffectsDone, settled } from "@/test/outbox";
import { startWorker, type RunningWorker } from "../../../worker/worker";

let running: RunningWorker;
beforeAll(async () => {
  running = await startWorker({ queues: ["payments", "notifications", "emails"], schedules: false });
});
afterAll(async () => {
  await Promise.all(running.workers.map((w) => w.close()));
});

const cancelledNotes = (userId: string, jobId: string) =>
  db.notification.findMany({ where: { userId, kind: "job.cancelled", eventKey: `job.cancelled:${jobId}` }, select: { title: true, body: true } });

describe("cancellations reach the people concerned", () => {
  it("the poster cancelling a claimed job tells the scooper, with the fee they are paid", async () => {
    const { customer, scooper } = await cast();
    const { id: jobId } = await customer.api.jobs.post({ ...validJobInput, priceCents: 2500 });
    await scooper.api.jobs.claim({ jobId });
    await customer.api.jobs.cancel({ jobId, reason: "Plans changed" });
    await allEffectsDone();
    expect(await cancelledNotes(scooper.id, jobId)).toEqual([
      { title: "A cleanup you claimed was cancelled", body: expect.stringContaining("you are paid a $5.00 cancellation fee") },
    ]);
    expect(await cancelledNotes(customer.id, jobId)).toEqual([]);
    const mail = await db.emailMessage.findMany({ where: { toAddress: scooper.email, kind: "job.cancelled" } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain("$5.00");
    await settled(jobId, "cancellation-fee");
  });

  it("an admin cancelling tells the scooper and the poster, with the reason", async () => {
    const { customer, scooper, admin } = await cast();
    const { id: jobId } = await customer.api.jobs.post(validJobInput);
    await scooper.api.jobs.claim({ jobId });
    await scooper.api.jobs.start({ jobId });
    await admin.api.jobs.cancel({ jobId, reason: "Reported as unsafe" });
    await allEffectsDone();
    expect(await cancelledNotes(scooper.id, jobId)).toEqual([{ title: "A cleanup you claimed was cancelled", body: expect.not.stringContaining("fee") }]);
    expect(await cancelledNotes(customer.id, jobId)).toEqual([{ title: "Your cleanup was cancelled", body: expect.stringContaining("Reported as unsafe") }]);
    const mail = await db.emailMessage.findFirstOrThrow({ where: { toAddress: customer.email, kind: "job.cancelled" } });
    expect(mail.text).toContain("support team");
  });

  it("a payment that lapses tells the poster", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const job = await createJobInState(customer, "AWAITING_PAYMENT");
    await db.cleanupJob.update({ where: { id: job.id }, data: { createdAt: new Date(Date.now() - (env.PAYMENT_WINDOW_MINUTES + 1) * 60_000) } });
    expect(await cancelOverduePayments(db)).toMatchObject({ cancelled: 1 });
    await allEffectsDone();
    expect(await cancelledNotes(customer.id, job.id)).toEqual([{ title: "Your cleanup was cancelled", body: expect.stringContaining("payment not completed in time") }]);
  });
});

describe("a preferred scooper", () => {
  it("is told once that a generated job waits for them, when it opens", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const preferred = await createUser(["SCOOPER"]);
    const today = localDateIn(env.APP_TIMEZONE, new Date());
    const sub = await db.recurringCleanup.create({
      data: {
        customerId: customer.id, frequency: "WEEKLY", firstServiceDate: toDbDate(today), priceCents: 2000, address: "8 Rose Ln, Queens",
        lat: 40.72, lng: -73.84, type: "POOP", pileEstimate: "PILES_1_3", yardSegments: ["N"], preferredScooperId: preferred.id,
      },
    });
    const summary = await generateDueRecurringJobs(db);
    const jobId = summary.jobs.find((j) => j.subscriptionId === sub.id)!.jobId;
    await allEffectsDone();
    const notes = await db.notification.findMany({ where: { userId: preferred.id, kind: "job.reserved" }, select: { url: true, body: true } });
    expect(notes).toEqual([{ url: `/jobs/${jobId}`, body: expect.stringContaining("you take home $17.00") }]);
    expect(await db.emailMessage.count({ where: { toAddress: preferred.email, kind: "job.reserved" } })).toBe(1);
    await db.recurringCleanup.update({ where: { id: sub.id }, data: { status: "CANCELLED" } });
  });
});
