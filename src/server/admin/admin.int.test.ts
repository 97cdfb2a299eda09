import { QueueEvents } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { bullPrefix, getQueue } from "@/server/queues/queues";
import { createRedisConnection } from "@/server/redis";
import { callerFor, createUser } from "@/test/factories";
import { startWorker, type RunningWorker } from "../../../worker/worker";

describe("admin procedures", () => {
  it("refuses every admin procedure to customers, scoopers and anonymous callers", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER", "CUSTOMER"]);
    const target = await createUser(["CUSTOMER"]);
    const calls = (api: ReturnType<typeof callerFor>) => [
      () => api.adminOps.queues(),
      () => api.adminOps.failedJobs({ queue: "emails" }),
      () => api.adminOps.retryJob({ queue: "emails", jobId: "x" }),
      () => api.adminOps.removeJob({ queue: "emails", jobId: "x" }),
      () => api.adminOps.audit({}),
      () => api.adminUsers.search({}),
      () => api.adminUsers.grantRole({ userId: target.id, role: "ADMIN", reason: "try it" }),
      () => api.adminUsers.revokeRole({ userId: target.id, role: "CUSTOMER", reason: "try it" }),
      () => api.adminUsers.suspend({ userId: target.id, until: null, reason: "try it" }),
      () => api.adminUsers.ban({ userId: target.id, reason: "try it" }),
      () => api.adminUsers.reinstate({ userId: target.id, reason: "try it" }),
    ];
    for (const user of [customer, scooper]) {
      for (const call of calls(callerFor(user))) await expect(call()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const call of calls(callerFor(null))) await expect(call()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ status: "ACTIVE", roles: ["CUSTOMER"] });
    expect(await db.auditLog.count({ where: { targetId: target.id } })).toBe(0);
  });

  it("writes exactly one audit row per admin action on a user", async () => {
    const admin = await createUser(["ADMIN"]);
    const target = await createUser(["CUSTOMER"]);
    const api = callerFor(admin);
    await api.adminUsers.grantRole({ userId: target.id, role: "SCOOPER", reason: "reason 1" });
    await api.adminUsers.suspend({ userId: target.id, until: new Date(Date.now() + 86_400_000), reason: "reason 2" });
    await api.adminUsers.reinstate({ userId: target.id, reason: "reason 3" });
    await api.adminUsers.ban({ userId: target.id, reason: "reason 4" });
    await api.adminUsers.revokeRole({ userId: target.id, role: "SCOOPER", reason: "reason 5" });
    const rows = await api.adminOps.audit({ targetId: target.id });
    expect(rows.map((r) => [r.action, r.reason, r.actorEmail])).toEqual([
      ["user.role.revoke", "reason 5", admin.email],
      ["user.ban", "reason 4", admin.email],
      ["user.reinstate", "reason 3", admin.email],
      ["user.suspend", "reason 2", admin.email],
      ["user.role.grant", "reason 1", admin.email],
    ]);
    expect(rows[1]!.before).toMatchObject({ status: "ACTIVE" });
    expect(rows[1]!.after).toMatchObject({ status: "BANNED", statusReason: "reason 4" });
  });

  it("filters the audit log by action prefix and acting admin as well as target", async () => {
    const [first, second] = [await createUser(["ADMIN"]), await createUser(["ADMIN"])];
    const target = await createUser(["CUSTOMER"]);
    await callerFor(first).adminUsers.grantRole({ userId: target.id, role: "SCOOPER", reason: "helps out" });
    await callerFor(second).adminUsers.suspend({ userId: target.id, until: null, reason: "checking" });
    await callerFor(second).adminUsers.reinstate({ userId: target.id, reason: "checked" });
    const api = callerFor(first);
    const actions = async (filters: { action?: string; actorEmail?: string }) =>
      (await api.adminOps.audit({ targetId: target.id, ...filters })).map((r) => r.action);
    expect(await actions({ action: "user.role" })).toEqual(["user.role.grant"]);
    expect(await actions({ action: "user.suspend" })).toEqual(["user.suspend"]);
    expect(await actions({ actorEmail: second.email.toUpperCase() })).toEqual(["user.reinstate", "user.suspend"]);
    expect(await actions({ actorEmail: first.email, action: "user.reinstate" })).toEqual([]);
  });

  it("refuses an admin action with no reason, changing nothing", async () => {
    const admin = await createUser(["ADMIN"]);
    const target = await createUser(["CUSTOMER"]);
    await expect(callerFor(admin).adminUsers.ban({ userId: target.id, reason: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("ACTIVE");
  });
});

describe("queue dashboard", () => {
  let running: RunningWorker;
  let events: QueueEvents;
  beforeAll(async () => {
    running = await startWorker({ queues: ["emails"], schedules: false });
    events = new QueueEvents("emails", { connection: createRedisConnection({ maxRetriesPerRequest: null }), prefix: bullPrefix() });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events.close();
    await Promise.all(running.workers.map((w) => w.close()));
  });

  it("shows a failed job with its error; retry moves it back to waiting and it runs; every action is audited", async () => {
    const admin = await createUser(["ADMIN"]);
    const api = callerFor(admin);
    const messageId = `later-${Date.now()}`;
    // The message row does not exist yet, so the job fails (once: attempts 1).
    const job = await getQueue("emails").add("send", { kind: "send", messageId }, { jobId: `email-${messageId}`, attempts: 1 });
    await expect(job.waitUntilFinished(events, 10_000)).rejects.toThrow(/not found/);

    const overview = await api.adminOps.queues();
    expect(overview.find((q) => q.name === "emails")!.counts.failed).toBeGreaterThanOrEqual(1);
    const failed = await api.adminOps.failedJobs({ queue: "emails" });
    expect(failed.find((j) => j.id === job.id)).toMatchObject({ failedReason: expect.stringContaining("not found"), attemptsMade: 1 });

    await db.emailMessage.create({ data: { id: messageId, kind: "test", toAddress: "late@example.test", subject: "s", html: "h", text: "t" } });
    await api.adminOps.retryJob({ queue: "emails", jobId: job.id! });
    const state = await getQueue("emails").getJobState(job.id!);
    expect(["waiting", "active", "completed"]).toContain(state);
    await expect.poll(async () => (await db.emailMessage.findUniqueOrThrow({ where: { id: messageId } })).status, { timeout: 10_000 }).toBe("SENT");

    await expect(api.adminOps.retryJob({ queue: "emails", jobId: job.id! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const audit = await api.adminOps.audit({ targetId: job.id! });
    expect(audit.map((a) => a.action)).toEqual(["queue.job.retry"]);
  });

  it("lists every queue with its schedulers", async () => {
    const admin = await createUser(["ADMIN"]);
    const second = await startWorker({ queues: [] }); // registers the schedules
    second.maintenance.stop();
    await Promise.all(second.workers.map((w) => w.close()));
    const overview = await callerFor(admin).adminOps.queues();
    expect(overview.map((q) => q.name)).toEqual(expect.arrayContaining(["system", "emails", "recurring"]));
    const recurring = overview.find((q) => q.name === "recurring")!;
    const generation = recurring.schedulers.find((s) => s.id === "daily-recurring-generation");
    expect(generation).toMatchObject({ pattern: "0 6 * * *" });
    expect(generation!.next).toBeInstanceOf(Date);
    expect(recurring.schedulers.find((s) => s.id === "daily-service-reminders")).toMatchObject({ pattern: "0 15 * * *" });
  });
});
