import { afterEach, describe, expect, it, vi } from "vitest";

const CRON_SECRET = vi.hoisted(() => (process.env.CRON_SECRET = "test-cron-secret-0123456789"));

import { env } from "@/env";
import { addDays, zonedTime } from "@/lib/schedules";
import { db } from "@/server/db";
import { getQueue } from "@/server/queues/queues";
import { callerFor, createUser } from "@/test/factories";
import { startWorker } from "../../../worker/worker";
import { POST } from "../../app/api/cron/recurring/generate/route";
import { openJobToAll } from "@/server/jobs/open-to-all";
import { settleJob } from "@/server/jobs/funding";
import { toDbDate } from "@/server/calendar";
import { generateDueRecurringJobs } from "./generate";
import { sendServiceDayReminders } from "./reminders";

const at = (date: string) => zonedTime(date, "06:00", env.APP_TIMEZONE);

// Generation serves every due subscription in the database: end each test's subscriptions so the next
// test's counts are its own.
afterEach(async () => {
  await db.recurringCleanup.updateMany({ data: { status: "CANCELLED" } });
});

async function subscription(customerId: string, firstServiceDate: string, overrides: Record<string, unknown> = {}) {
  return db.recurringCleanup.create({
    data: {
      customerId, frequency: "WEEKLY", firstServiceDate: toDbDate(firstServiceDate), priceCents: 1800, address: "12 Garden Pl, Brooklyn",
      lat: 40.69, lng: -73.99, type: "POOP", pileEstimate: "PILES_4_8", yardSegments: ["N", "S"], accessNotes: "gate 1234",
      ...overrides,
    },
  });
}

describe("recurring generation", () => {
  it("creates one ordinary job for a due subscription, linked to it and its service date", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const sub = await subscription(customer.id, "2031-01-07");
    const summary = await generateDueRecurringJobs(db, { now: at("2031-01-07") });
    expect(summary).toMatchObject({ serviceDate: "2031-01-07", generated: 1, skipped: 0, failed: 0 });
    const jobs = await db.cleanupJob.findMany({ where: { recurringId: sub.id }, include: { events: true } });
    expect(jobs).toHaveLength(1);
    // The ledger holds at once: the job opens with its hold, in the run's own transaction, its 24 hours counted from the run.
    expect(jobs[0]).toMatchObject({
      status: "OPEN", posterId: customer.id, priceCents: 1800, accessNotes: "gate 1234", exclusiveScooperId: null,
      serviceDate: toDbDate("2031-01-07"), expiresAt: new Date(at("2031-01-07").getTime() + 24 * 3600 * 1000),
    });
    expect(jobs[0]!.events.map((e) => ({ type: e.type, actorId: e.actorId, toStatus: e.toStatus }))).toEqual([{ type: "posted", actorId: null, toStatus: "OPEN" }]);
    const id = jobs[0]!.id;
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: id } })).toMatchObject({ status: "AUTHORIZED", amountCents: 1800 });
    // Nothing left for the worker: no authorization owed in the outbox, and running the step again books nothing twice.
    expect(await db.outboxMessage.findUnique({ where: { dedupeKey: `settle-authorize-${id}` } })).toBeNull();
    await settleJob(db, id, "authorize");
    expect(await db.paymentOperation.count({ where: { kind: "authorize", payment: { jobId: id } } })).toBe(1);
    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "OPEN" });
  });

  it("creates nothing more when run twice, or twice at the same time", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const sub = await subscription(customer.id, "2031-02-04");
    await generateDueRecurringJobs(db, { now: at("2031-02-04") });
    const again = await generateDueRecurringJobs(db, { now: at("2031-02-04") });
    expect(again).toMatchObject({ generated: 0, skipped: 1, failed: 0 });

    const sub2 = await subscription(customer.id, "2031-03-05"); // a Wednesday: the first one (Tuesdays) is not due
    const [a, b] = await Promise.all([
      generateDueRecurringJobs(db, { now: at("2031-03-05") }),
      generateDueRecurringJobs(db, { now: at("2031-03-05") }),
    ]);
    expect(a.generated + b.generated).toBe(1);
    expect(a.skipped + b.skipped).toBe(1);
    expect(await db.cleanupJob.count({ where: { recurringId: { in: [sub.id, sub2.id] } } })).toBe(2);
  });

  it("generates nothing for paused or cancelled subscriptions, and resumes a pause that ended", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const paused = await subscription(customer.id, "2031-04-01", { status: "PAUSED" });
    const cancelled = await subscription(customer.id, "2031-04-01", { status: "CANCELLED" });
    const pausedUntil = await subscription(customer.id, "2031-04-01", { status: "PAUSED", pausedUntil: toDbDate("2031-04-08") });
    const first = await generateDueRecurringJobs(db, { now: at("2031-04-01") });
    expect(first.generated).toBe(0);
    const second = await generateDueRecurringJobs(db, { now: at("2031-04-08") });
    expect(second.jobs.map((j) => j.subscriptionId)).toEqual([pausedUntil.id]);
    expect(await db.cleanupJob.count({ where: { recurringId: { in: [paused.id, cancelled.id] } } })).toBe(0);
    // Pausing skipped 1 Apr; it is not made up later.
    expect(await db.cleanupJob.count({ where: { recurringId: pausedUntil.id } })).toBe(1);
  });

  it("after three days down, creates only today's due jobs, never a backlog", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const missed = await Promise.all(["2031-05-03", "2031-05-04", "2031-05-05"].map((d) => subscription(customer.id, d)));
    const today = await subscription(customer.id, "2031-05-06");
    const summary = await generateDueRecurringJobs(db, { now: at("2031-05-06") });
    expect(summary.jobs.map((j) => j.subscriptionId)).toEqual([today.id]);
    expect(await db.cleanupJob.count({ where: { recurringId: { in: missed.map((m) => m.id) } } })).toBe(0);
  });

  it("reports a subscription that cannot generate as failed and still serves the others", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const good1 = await subscription(customer.id, "2031-06-03");
    const bad = await subscription(customer.id, "2031-06-03", { priceCents: 10 });
    const good2 = await subscription(customer.id, "2031-06-03");
    const summary = await generateDueRecurringJobs(db, { now: at("2031-06-03") });
    expect(summary).toMatchObject({ generated: 2, failed: 1 });
    expect(summary.failures).toEqual([{ subscriptionId: bad.id, error: expect.stringContaining("priceCents") }]);
    expect(summary.jobs.map((j) => j.subscriptionId).sort()).toEqual([good1.id, good2.id].sort());
  });

  it("offers a preferred scooper's job to them alone for the window", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER"]);
    const sub = await subscription(customer.id, "2031-07-01", { preferredScooperId: scooper.id });
    await generateDueRecurringJobs(db, { now: at("2031-07-01") });
    const job = await db.cleanupJob.findFirstOrThrow({ where: { recurringId: sub.id } });
    expect(job.exclusiveScooperId).toBe(scooper.id);
    expect(job.exclusiveUntil!.getTime() - at("2031-07-01").getTime()).toBe(env.PREFERRED_SCOOPER_WINDOW_MINUTES * 60_000);
  });

  it("hides a reserved job from other scoopers on the board and the job page, refuses their claim, then opens it to all", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const preferred = await createUser(["SCOOPER"]);
    const other = await createUser(["SCOOPER"]);
    const sub = await subscription(customer.id, "2031-08-05", { preferredScooperId: preferred.id });
    // A job as generation makes it, with the window still open now.
    const job = await db.cleanupJob.create({
      data: {
        posterId: customer.id, recurringId: sub.id, serviceDate: toDbDate("2031-08-05"), address: "12 Garden Pl", lat: 40.69, lng: -73.99,
        priceCents: 1800, platformFeePercent: 15, cancellationFeePercent: 20, type: "POOP", pileEstimate: "PILES_1_3", yardSegments: ["N"],
        expiresAt: new Date(Date.now() + 86_400_000),
        exclusiveScooperId: preferred.id, exclusiveUntil: new Date(Date.now() + 3_600_000),
      },
    });
    const bounds = { south: 40.6, west: -74.1, north: 40.8, east: -73.9 };
    const seen = async (user: typeof other) => (await callerFor(user).jobs.openInViewport({ bounds })).jobs.some((j) => j.id === job.id);
    expect(await seen(preferred)).toBe(true);
    expect(await seen(other)).toBe(false);
    await expect(callerFor(other).jobs.byId({ jobId: job.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(other).jobs.claim({ jobId: job.id })).rejects.toMatchObject({ code: "NOT_FOUND" });

    // The window ends: the timer (or the sweep) opens it to everyone, once.
    await db.cleanupJob.update({ where: { id: job.id }, data: { exclusiveUntil: new Date(Date.now() - 1000) } });
    expect(await openJobToAll(db, job.id)).toBe(true);
    expect(await openJobToAll(db, job.id)).toBe(false);
    expect(await seen(other)).toBe(true);
    const events = await db.jobEvent.findMany({ where: { jobId: job.id } });
    expect(events.map((e) => e.type)).toEqual(["opened_to_all"]);
    await expect(callerFor(other).jobs.claim({ jobId: job.id })).resolves.toMatchObject({ id: job.id });
  });
});

describe("service-day reminders", () => {
  it("reminds each customer the afternoon before a service date, once however often it runs", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const due = await subscription(customer.id, "2031-09-02");
    const notTomorrow = await subscription(customer.id, "2031-09-03");
    const afternoonBefore = zonedTime("2031-09-01", "15:00", env.APP_TIMEZONE);
    expect(await sendServiceDayReminders(db, { now: afternoonBefore })).toMatchObject({ serviceDate: "2031-09-02", reminded: 1, failed: 0 });
    await sendServiceDayReminders(db, { now: afternoonBefore });
    const notes = await db.notification.findMany({ where: { userId: customer.id, kind: "reminder.service-day" } });
    expect(notes).toHaveLength(1);
    expect(notes[0]!.eventKey).toContain(due.id);
    expect(notes.some((n) => n.eventKey.includes(notTomorrow.id))).toBe(false);
  });
});

describe("generation triggers", () => {
  const call = (authorization?: string) =>
    POST(new Request("http://localhost/api/cron/recurring/generate", { method: "POST", headers: authorization ? { authorization } : {} }));

  it("the HTTP endpoint refuses a missing or wrong secret and runs with the right one", async () => {
    expect((await call()).status).toBe(401);
    expect((await call("Bearer wrong-secret-wrong-secret")).status).toBe(401);
    expect((await call(CRON_SECRET)).status).toBe(401); // not a bearer header
    const ok = await call(`Bearer ${CRON_SECRET}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ generated: expect.any(Number), skipped: expect.any(Number), failed: 0 });
  });

  it("registers the daily scheduler once, at the configured local time and zone, across worker restarts", async () => {
    for (let i = 0; i < 2; i++) {
      const running = await startWorker({ queues: [] });
      running.maintenance.stop();
      await Promise.all(running.workers.map((w) => w.close()));
    }
    const schedulers = (await getQueue("recurring").getJobSchedulers()).filter((s) => s.key === "daily-recurring-generation");
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ pattern: "0 6 * * *", tz: env.APP_TIMEZONE });
    // Its next run is 06:00 local on some day.
    const next = new Date(schedulers[0]!.next!);
    const local = new Intl.DateTimeFormat("en-US", { timeZone: env.APP_TIMEZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(next);
    expect(local).toBe("06:00");
  });
});

describe("customer pages' procedures", () => {
  const input = (firstServiceDate: string) => ({
    frequency: "MONTHLY" as const, firstServiceDate, address: "9 Elm St, Queens", lat: 40.72, lng: -73.84, priceCents: 2200,
    type: "BOTH" as const, pileEstimate: "PILES_1_3" as const, litterLevel: "LIGHT" as const, yardSegments: ["E" as const],
  });

  it("creates, shows the next five dates, pauses, resumes and cancels a customer's own subscription", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const api = callerFor(customer);
    const created = await api.recurring.create(input("2031-09-09")); // 2nd Tuesday
    expect(created.nextServiceDates).toEqual(["2031-09-09", "2031-10-14", "2031-11-11", "2031-12-09", "2032-01-13"]);
    const paused = await api.recurring.pause({ id: created.id, until: "2031-11-01" });
    expect(paused).toMatchObject({ status: "PAUSED", pausedUntil: "2031-11-01" });
    expect(paused.nextServiceDates[0]).toBe("2031-11-11");
    expect((await api.recurring.resume({ id: created.id })).status).toBe("ACTIVE");
    expect(await db.billingSubscription.findUniqueOrThrow({ where: { recurringId: created.id } })).toMatchObject({ status: "PER_JOB" });
    const cancelled = await api.recurring.cancel({ id: created.id });
    // The billing follows in the worker (a retried payments job).
    const worker = await startWorker({ queues: ["payments"], schedules: false });
    try {
      await vi.waitFor(async () => expect(await db.billingSubscription.findUniqueOrThrow({ where: { recurringId: created.id } })).toMatchObject({ status: "CANCELED" }), {
        timeout: 10_000, interval: 50,
      });
    } finally {
      await Promise.all(worker.workers.map((w) => w.close()));
    }
    expect(cancelled).toMatchObject({ status: "CANCELLED", nextServiceDates: [] });
    await expect(api.recurring.resume({ id: created.id })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("keeps subscriptions private to their customer and refuses other roles and bad input", async () => {
    const owner = await createUser(["CUSTOMER"]);
    const other = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER"]);
    const sub = await callerFor(owner).recurring.create(input("2031-10-07"));
    await expect(callerFor(other).recurring.byId({ id: sub.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(other).recurring.cancel({ id: sub.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(scooper).recurring.create(input("2031-10-07"))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(null).recurring.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(owner).recurring.create({ ...input("2031-10-07"), priceCents: 100 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(owner).recurring.create({ ...input("2031-10-07"), litterLevel: null })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(owner).recurring.create(input(addDays("2020-01-01", 0)))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.recurringCleanup.count({ where: { customerId: owner.id } })).toBe(1);
  });
});
