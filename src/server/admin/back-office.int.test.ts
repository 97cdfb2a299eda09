import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/env";
import { addDays, zonedTime } from "@/lib/schedules";
import { db } from "@/server/db";
import { getQueue } from "@/server/queues/queues";
import { toDbDate } from "@/server/calendar";
import { callerFor, createJobInState, createOpenJob, createUser } from "@/test/factories";
import { startWorker, type RunningWorker } from "../../../worker/worker";
import { adminDashboard } from "./dashboard";

const tz = env.APP_TIMEZONE;

async function subscription(customerId: string, overrides: Record<string, unknown> = {}) {
  return db.recurringCleanup.create({
    data: {
      customerId, frequency: "WEEKLY", firstServiceDate: toDbDate("2031-01-07"), priceCents: 1800, address: "12 Garden Pl, Brooklyn",
      lat: 40.69, lng: -73.99, type: "POOP", pileEstimate: "PILES_4_8", yardSegments: ["N", "S"], accessNotes: "gate 1234",
      ...overrides,
    },
  });
}

async function failedEmail(to = "bounce@example.test") {
  return db.emailMessage.create({
    data: { kind: "test", toAddress: to, subject: "Hello", html: "<p>hi</p>", text: "hi", status: "FAILED", attempts: 3, lastError: "smtp down" },
  });
}

const auditRows = (targetId: string) => db.auditLog.findMany({ where: { targetId }, orderBy: { createdAt: "asc" } });

describe("admin back office: access", () => {
  it("refuses every back-office procedure to customers and scoopers (FORBIDDEN) and anonymous callers (UNAUTHORIZED)", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER", "CUSTOMER"]);
    const job = await createOpenJob(customer.id);
    const sub = await subscription(customer.id);
    const email = await failedEmail();
    const calls = (api: ReturnType<typeof callerFor>) => [
      () => api.adminJobs.list({}),
      () => api.adminJobs.byId({ jobId: job.id }),
      () => api.adminJobs.cancel({ jobId: job.id, reason: "try it" }),
      () => api.adminSubscriptions.list({}),
      () => api.adminSubscriptions.byId({ id: sub.id }),
      () => api.adminSubscriptions.pause({ id: sub.id, reason: "try it" }),
      () => api.adminSubscriptions.resume({ id: sub.id, reason: "try it" }),
      () => api.adminEmails.list({}),
      () => api.adminEmails.retry({ id: email.id }),
    ];
    for (const user of [customer, scooper]) {
      for (const call of calls(callerFor(user))) await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const call of calls(callerFor(null))) await expect(call()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect((await db.cleanupJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("OPEN");
    expect((await db.recurringCleanup.findUniqueOrThrow({ where: { id: sub.id } })).status).toBe("ACTIVE");
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: email.id } })).status).toBe("FAILED");
    expect(await db.auditLog.count({ where: { targetId: { in: [job.id, sub.id, email.id] } } })).toBe(0);
  });
});

describe("admin jobs", () => {
  it("filters by state, address text, lat/lng box and posted date", async () => {
    const admin = await createUser(["ADMIN"]);
    const poster = await createUser(["CUSTOMER"]);
    const tag = `Filterville-${Date.now()}`;
    const inBox = await createOpenJob(poster.id, { lat: 10.5, lng: 20.5 });
    const outBox = await createOpenJob(poster.id, { lat: 11.5, lng: 20.5 });
    const cancelled = await createJobInState(poster, "CANCELLED");
    for (const j of [inBox, outBox, cancelled]) await db.cleanupJob.update({ where: { id: j.id }, data: { address: `${j.id} ${tag} Rd` } });
    await db.cleanupJob.update({ where: { id: outBox.id }, data: { createdAt: zonedTime("2025-03-01", "12:00", tz) } });
    const api = callerFor(admin);
    const ids = async (q: Parameters<typeof api.adminJobs.list>[0]) => (await api.adminJobs.list(q)).map((j) => j.id).sort();

    expect(await ids({ address: tag.toLowerCase() })).toEqual([inBox.id, outBox.id, cancelled.id].sort());
    expect(await ids({ address: tag, statuses: ["CANCELLED"] })).toEqual([cancelled.id]);
    expect(await ids({ address: tag, box: { minLat: 10, maxLat: 11, minLng: 20, maxLng: 21 } })).toEqual([inBox.id]);
    expect(await ids({ address: tag, from: "2025-03-01", to: "2025-03-01" })).toEqual([outBox.id]);
    expect(await ids({ address: tag, from: "2025-03-02" })).toEqual([inBox.id, cancelled.id].sort());
    const row = (await api.adminJobs.list({ address: tag, statuses: ["OPEN"] })).find((j) => j.id === inBox.id);
    expect(row).toMatchObject({ posterEmail: poster.email, scooperEmail: null, status: "OPEN" });
  });

  it("cancels a claimed job with a reason through cancelJob: one audit row, the reason on the full timeline", async () => {
    const admin = await createUser(["ADMIN"]);
    const poster = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER"]);
    const job = await createJobInState(poster, "CLAIMED", { scooper, accessNotes: "gate 9876" });
    const api = callerFor(admin);

    await api.adminJobs.cancel({ jobId: job.id, reason: "yard is unsafe" });
    const detail = await api.adminJobs.byId({ jobId: job.id });
    expect(detail.job).toMatchObject({ status: "CANCELLED", cancelReason: "yard is unsafe", accessNotes: "gate 9876" });
    expect(detail).toMatchObject({ posterEmail: poster.email, scooperEmail: scooper.email });
    // The admin's own read of the access notes is logged too (last); the cancellation comes right before it.
    expect(detail.timeline.map((e) => e.type).slice(-2)).toEqual(["cancelled", "access_notes_revealed"]);
    expect(detail.timeline.find((e) => e.type === "cancelled")).toMatchObject({
      type: "cancelled", fromStatus: "CLAIMED", toStatus: "CANCELLED", actorEmail: admin.email, details: { by: "admin", reason: "yard is unsafe" },
    });
    const rows = await auditRows(job.id);
    expect(rows.map((r) => [r.action, r.actorId, r.reason])).toEqual([["job.cancel", admin.id, "yard is unsafe"]]);
    expect(rows[0]!.before).toEqual({ status: "CLAIMED" });

    // Already terminal: refused, and no second audit row.
    await expect(api.adminJobs.cancel({ jobId: job.id, reason: "again" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await db.auditLog.count({ where: { targetId: job.id } })).toBe(1);
  });

  it("audits an admin cancellation made through the ordinary jobs API too, and refuses one without a reason", async () => {
    const admin = await createUser(["ADMIN"]);
    const poster = await createUser(["CUSTOMER"]);
    const job = await createOpenJob(poster.id);
    await expect(callerFor(admin).adminJobs.cancel({ jobId: job.id, reason: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(admin).jobs.cancel({ jobId: job.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.auditLog.count({ where: { targetId: job.id } })).toBe(0);
    await callerFor(admin).jobs.cancel({ jobId: job.id, reason: "duplicate post" });
    expect((await auditRows(job.id)).map((r) => r.action)).toEqual(["job.cancel"]);
  });

  it("does not audit a poster cancelling their own job", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const job = await createOpenJob(poster.id);
    await callerFor(poster).jobs.cancel({ jobId: job.id });
    expect(await db.auditLog.count({ where: { targetId: job.id } })).toBe(0);
  });
});

describe("admin subscriptions", () => {
  it("lists by status and customer email, shows next dates, pauses and resumes with one audit row each", async () => {
    const admin = await createUser(["ADMIN"]);
    const customer = await createUser(["CUSTOMER"]);
    const sub = await subscription(customer.id);
    const cancelled = await subscription(customer.id, { status: "CANCELLED" });
    const api = callerFor(admin);

    expect((await api.adminSubscriptions.list({ customerEmail: customer.email.toUpperCase() })).map((s) => s.id).sort()).toEqual([sub.id, cancelled.id].sort());
    expect((await api.adminSubscriptions.list({ customerEmail: customer.email, status: "ACTIVE" })).map((s) => s.id)).toEqual([sub.id]);
    const view = await api.adminSubscriptions.byId({ id: sub.id });
    expect(view).toMatchObject({ customerEmail: customer.email, status: "ACTIVE", recentJobs: [], billing: null });
    expect(view.nextServiceDates).toHaveLength(5);

    await api.adminSubscriptions.pause({ id: sub.id, reason: "card declined" });
    expect(await api.adminSubscriptions.byId({ id: sub.id })).toMatchObject({ status: "PAUSED", pausedUntil: null, nextServiceDates: [] });
    await expect(api.adminSubscriptions.pause({ id: sub.id, reason: "bad date", until: "2020-01-01" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await api.adminSubscriptions.resume({ id: sub.id, reason: "card updated" });
    expect((await api.adminSubscriptions.byId({ id: sub.id })).status).toBe("ACTIVE");
    await expect(api.adminSubscriptions.resume({ id: sub.id, reason: "not paused" })).rejects.toMatchObject({ code: "CONFLICT" });

    const rows = await auditRows(sub.id);
    expect(rows.map((r) => [r.action, r.reason, r.actorId])).toEqual([
      ["recurring.pause", "card declined", admin.id],
      ["recurring.resume", "card updated", admin.id],
    ]);
    expect(rows[0]!.before).toMatchObject({ status: "ACTIVE" });
    expect(rows[0]!.after).toMatchObject({ status: "PAUSED" });

    await expect(api.adminSubscriptions.pause({ id: cancelled.id, reason: "try it" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(api.adminSubscriptions.pause({ id: "nope", reason: "try it" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditLog.count({ where: { targetId: cancelled.id } })).toBe(0);
  });
});

describe("admin sent emails", () => {
  let running: RunningWorker;
  beforeAll(async () => {
    running = await startWorker({ queues: ["emails"], schedules: false });
  });
  afterAll(async () => {
    await Promise.all(running.workers.map((w) => w.close()));
  });

  it("lists by status; retry moves a FAILED message back to QUEUED, the worker sends it once, one audit row", async () => {
    const admin = await createUser(["ADMIN"]);
    const api = callerFor(admin);
    const message = await failedEmail(`retry-${Date.now()}@example.test`);

    const failed = await api.adminEmails.list({ status: "FAILED" });
    expect(failed.find((m) => m.id === message.id)).toMatchObject({ status: "FAILED", attempts: 3, lastError: "smtp down", toAddress: message.toAddress });
    expect((await api.adminEmails.list({ status: "SENT" })).some((m) => m.id === message.id)).toBe(false);

    const { jobId } = await api.adminEmails.retry({ id: message.id, reason: "provider back up" });
    expect(jobId).toBe(`email-${message.id}-retry-1`);
    expect(await getQueue("emails").getJob(jobId)).toBeTruthy();
    await expect.poll(async () => (await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).status, { timeout: 10_000 }).toBe("SENT");
    const sent = await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(sent).toMatchObject({ attempts: 4, lastError: null });

    // Sent now: a second retry is refused, and a stray re-delivery of the job sends nothing.
    await expect(api.adminEmails.retry({ id: message.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const rows = await auditRows(message.id);
    expect(rows.map((r) => [r.action, r.reason, r.actorId])).toEqual([["email.retry", "provider back up", admin.id]]);
    expect(rows[0]!.before).toMatchObject({ status: "FAILED", attempts: 3 });
  });
});

describe("admin dashboard charts", () => {
  it("counts posted/claimed/expired per day, the claim-time histogram and recurring jobs generated per day", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER"]);
    const today = "2032-06-15";
    const yesterday = addDays(today, -1);
    const now = zonedTime(today, "16:00", tz);
    const at = (date: string, time: string) => zonedTime(date, time, tz);
    const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);
    async function job(data: { createdAt: Date; claimedAt?: Date; expiredAt?: Date; recurringId?: string; serviceDate?: string }) {
      const j = await createOpenJob(poster.id);
      await db.cleanupJob.update({
        where: { id: j.id },
        data: {
          createdAt: data.createdAt,
          claimedAt: data.claimedAt,
          scooperId: data.claimedAt ? scooper.id : undefined,
          status: data.claimedAt ? "CLAIMED" : data.expiredAt ? "EXPIRED" : "OPEN",
          expiredAt: data.expiredAt,
          recurringId: data.recurringId,
          serviceDate: data.serviceDate ? toDbDate(data.serviceDate) : undefined,
        },
      });
    }
    // Three posted today, one of them claimed 10 minutes after posting.
    await job({ createdAt: at(today, "13:00"), claimedAt: at(today, "13:10") });
    await job({ createdAt: at(today, "14:00") });
    await job({ createdAt: at(today, "15:00") });
    // Posted yesterday: one expired today, one claimed after two hours.
    await job({ createdAt: at(yesterday, "10:00"), expiredAt: at(today, "10:00") });
    await job({ createdAt: at(yesterday, "09:00"), claimedAt: at(yesterday, "11:00") });
    // Outside the 30 days: counted nowhere.
    await job({ createdAt: at("2032-05-01", "09:00"), claimedAt: minutes(at("2032-05-01", "09:00"), 1) });
    // Recurring: two generated for today, one five days ago (created at 06:00 of their service date).
    const sub = await subscription(poster.id, { status: "CANCELLED" });
    await job({ createdAt: at(today, "06:00"), recurringId: sub.id, serviceDate: today });
    const other = await subscription(poster.id, { status: "CANCELLED" });
    await job({ createdAt: at(today, "06:00"), recurringId: other.id, serviceDate: today });
    await job({ createdAt: at("2032-06-10", "06:00"), recurringId: sub.id, serviceDate: "2032-06-10" });

    const d = await adminDashboard(now);
    const day = (date: string) => d.jobsPerDay.find((p) => p.date === date);
    expect(d.jobsPerDay).toHaveLength(30);
    expect(d.jobsPerDay[0]!.date).toBe(addDays(today, -29));
    expect(d.jobsPerDay.at(-1)!.date).toBe(today);
    expect(day(today)).toEqual({ date: today, posted: 5, claimed: 1, expired: 1 });
    expect(day(yesterday)).toEqual({ date: yesterday, posted: 2, claimed: 1, expired: 0 });
    expect(day("2032-06-10")).toEqual({ date: "2032-06-10", posted: 1, claimed: 0, expired: 0 });
    expect(d.jobsPerDay.reduce((n, p) => n + p.posted, 0)).toBe(8);

    expect(d.claimTime).toEqual([
      { label: "< 5 min", count: 0 },
      { label: "5–15 min", count: 1 },
      { label: "15–60 min", count: 0 },
      { label: "1–4 h", count: 1 },
      { label: "4–24 h", count: 0 },
      { label: "> 24 h", count: 0 },
    ]);
    expect(d.generatedPerDay.find((p) => p.date === today)!.count).toBe(2);
    expect(d.generatedPerDay.find((p) => p.date === "2032-06-10")!.count).toBe(1);
    expect(d.generatedPerDay.reduce((n, p) => n + p.count, 0)).toBe(3);
    expect(d.generatedToday).toBe(2);
  });
});
