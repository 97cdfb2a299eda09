/**
 * Set-based generation: a day's jobs inserted in batches, each batch created OPEN with its holds in one transaction
 * (ledger), announced to the board with one event per batch; failures isolated, exactly once under concurrent runs.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/env";
import { zonedTime } from "@/lib/schedules";
import { toDbDate } from "@/server/calendar";
import { db } from "@/server/db";
import { getQueue } from "@/server/queues/queues";
import { createUser } from "@/test/factories";
import { startInstance, stopInstances, type Instance } from "@/test/realtime-harness";
import { nodeClient } from "@/test/trpc-ws-client";
import { startWorker, type RunningWorker } from "../../../worker/worker";
import { timersProcessor } from "../../../worker/processors/timers.processor";
import { generateDueRecurringJobs } from "./generate";

const at = (date: string) => zonedTime(date, "06:00", env.APP_TIMEZONE);
const NYC = { south: 40.5, west: -74.3, north: 41, east: -73.6 };

let web: Instance;
let running: RunningWorker;
beforeAll(async () => {
  [web, running] = await Promise.all([startInstance(), startWorker({ queues: ["payments", "notifications"], schedules: false, relay: false })]);
}, 180_000);
afterAll(async () => {
  await Promise.all(running.workers.map((w) => w.close()));
  await stopInstances([web]);
});
afterEach(async () => {
  await db.recurringCleanup.updateMany({ data: { status: "CANCELLED" } });
});

async function subscriptions(customerId: string, firstServiceDate: string, count: number, overrides: (i: number) => Record<string, unknown> = () => ({})) {
  await db.recurringCleanup.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      customerId, frequency: "WEEKLY" as const, firstServiceDate: toDbDate(firstServiceDate), priceCents: 1800 + (i % 10) * 100,
      address: `${i} Batch St, Brooklyn`, lat: 40.6 + (i % 100) / 1000, lng: -73.95, type: "POOP" as const, pileEstimate: "PILES_1_3" as const,
      yardSegments: ["N" as const], ...overrides(i),
    })),
  });
  return db.recurringCleanup.findMany({ where: { customerId, firstServiceDate: toDbDate(firstServiceDate) }, select: { id: true } });
}

async function allOpen(serviceDate: string, count: number) {
  await expect
    .poll(() => db.cleanupJob.count({ where: { serviceDate: toDbDate(serviceDate), status: "OPEN", payment: { status: "AUTHORIZED" } } }), { timeout: 60_000 })
    .toBe(count);
}

describe("set-based generation", () => {
  it("opens each batch with one board event, every job held, posted and timed once", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const subs = await subscriptions(customer.id, "2032-03-02", 501); // two batches: 500 + 1
    const { client, close } = nodeClient(web.url);
    const received: { type: string; jobs?: { id: string }[]; bounds?: unknown }[] = [];
    await new Promise<void>((started) => {
      client.jobs.onBoardChange.subscribe({ bounds: NYC }, { onStarted: () => started(), onData: (e) => void received.push(e.data as (typeof received)[number]) });
    });

    const summary = await generateDueRecurringJobs(db, { now: at("2032-03-02") });
    expect(summary).toMatchObject({ generated: 501, skipped: 0, failed: 0 });
    await allOpen("2032-03-02", 501);
    const jobIds = summary.jobs.map((j) => j.jobId);
    await expect.poll(() => received.flatMap((e) => e.jobs ?? []).length, { timeout: 15_000 }).toBe(501);
    close();

    // One event per batch, none per job; together they carry every job once, board fields only.
    expect(received.map((e) => e.type)).toEqual(["jobs.batch-opened", "jobs.batch-opened"]);
    expect(received.map((e) => e.jobs!.length).sort((a, b) => a - b)).toEqual([1, 500]);
    expect(received.flatMap((e) => e.jobs!.map((j) => j.id)).sort()).toEqual([...jobIds].sort());
    expect(JSON.stringify(received)).not.toMatch(/accessNotes|posterId/);
    expect(summary.jobs.map((j) => j.subscriptionId).sort()).toEqual(subs.map((s) => s.id).sort());

    // Each job: one authorization (its own key), one "posted" entry, no authorization left owed; each batch one expiry timer.
    expect(await db.paymentOperation.count({ where: { kind: "authorize", payment: { jobId: { in: jobIds } } } })).toBe(501);
    expect(await db.jobEvent.count({ where: { jobId: { in: jobIds }, type: "posted" } })).toBe(501);
    expect(await db.outboxMessage.count({ where: { dedupeKey: { in: jobIds.map((id) => `settle-authorize-${id}`) } } })).toBe(0);
    const sums = await db.ledgerEntry.groupBy({ by: ["transactionId"], where: { transaction: { jobId: { in: jobIds } } }, _sum: { amountCents: true } });
    expect(sums).toHaveLength(501);
    expect(sums.every((s) => s._sum.amountCents === 0)).toBe(true);
    const batchTimers = (await getQueue("timers").getDelayed()).filter((t) => t.data.kind === "expire-batch" && jobIds.includes(t.data.jobIds[0]));
    expect(batchTimers.map((t) => t.data.jobIds.length).sort((a: number, b: number) => a - b)).toEqual([1, 500]);
    expect(batchTimers.flatMap((t) => t.data.jobIds).sort()).toEqual([...jobIds].sort());
    expect(batchTimers.every((t) => t.data.at === at("2032-03-02").getTime() + 24 * 3600 * 1000)).toBe(true);
    expect(await getQueue("timers").getJob(`expire-${jobIds[0]}`)).toBeUndefined();
  }, 120_000);

  it("a batch where one subscription fails still generates the rest", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const subs = await subscriptions(customer.id, "2032-03-09", 20, (i) => (i === 7 ? { address: "7 Poison Row, Brooklyn" } : {}));
    const poisoned = (await db.recurringCleanup.findFirstOrThrow({ where: { address: "7 Poison Row, Brooklyn" } })).id;
    // The database refuses that one row (as a constraint would): the batch's insert fails as a whole.
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_poison() RETURNS trigger AS $$ BEGIN
      IF NEW.address = '7 Poison Row, Brooklyn' THEN RAISE EXCEPTION 'poisoned row'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_poison BEFORE INSERT ON "CleanupJob" FOR EACH ROW EXECUTE FUNCTION refuse_poison()`);
    try {
      const summary = await generateDueRecurringJobs(db, { now: at("2032-03-09") });
      expect(summary).toMatchObject({ generated: 19, failed: 1, skipped: 0 });
      expect(summary.failures).toEqual([{ subscriptionId: poisoned, error: expect.stringContaining("poisoned row") }]);
      expect(summary.jobs.map((j) => j.subscriptionId).sort()).toEqual(subs.map((s) => s.id).filter((id) => id !== poisoned).sort());
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_poison ON "CleanupJob"`);
    }
    await allOpen("2032-03-09", 19);
    expect(await db.cleanupJob.count({ where: { recurringId: poisoned } })).toBe(0);
  }, 120_000);

  it("opens nothing unpaid: every job is OPEN and held when the run returns; a preferred scooper's is theirs first", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const preferred = await createUser(["SCOOPER"]);
    await subscriptions(customer.id, "2032-03-16", 10, (i) => (i < 3 ? { preferredScooperId: preferred.id } : {}));
    const summary = await generateDueRecurringJobs(db, { now: at("2032-03-16") });
    expect(summary).toMatchObject({ generated: 10, failed: 0 });
    // No waiting: checked at once, not polled.
    const jobs = await db.cleanupJob.findMany({
      where: { id: { in: summary.jobs.map((j) => j.jobId) } },
      select: { id: true, status: true, exclusiveScooperId: true, exclusiveUntil: true, payment: { select: { status: true, amountCents: true } }, priceCents: true },
    });
    expect(jobs).toHaveLength(10);
    for (const job of jobs) expect(job).toMatchObject({ status: "OPEN", payment: { status: "AUTHORIZED", amountCents: job.priceCents } });
    const reserved = jobs.filter((j) => j.exclusiveScooperId === preferred.id);
    expect(reserved).toHaveLength(3);
    const windowEnds = new Date(at("2032-03-16").getTime() + env.PREFERRED_SCOOPER_WINDOW_MINUTES * 60_000);
    for (const job of reserved) {
      expect(job.exclusiveUntil).toEqual(windowEnds);
      expect((await getQueue("timers").getJob(`open-to-all-${job.id}`))?.data.jobId).toBe(job.id);
    }
    expect(jobs.filter((j) => !j.exclusiveScooperId).every((j) => j.exclusiveUntil === null)).toBe(true);
    await expect.poll(() => db.notification.count({ where: { userId: preferred.id, kind: "job.reserved" } }), { timeout: 30_000 }).toBe(3);
  }, 120_000);

  it("a batch's expiry expires its jobs still OPEN, and leaves a job that moved on or was given a later expiry", async () => {
    const customer = await createUser(["CUSTOMER"]);
    await subscriptions(customer.id, "2020-01-07", 4);
    const summary = await generateDueRecurringJobs(db, { now: at("2020-01-07") });
    const [expiring, alsoExpiring, cancelled, later] = summary.jobs.map((j) => j.jobId);
    const due = at("2020-01-07").getTime() + 24 * 3600 * 1000;
    const timer = await getQueue("timers").getJob(`expire-batch-${expiring}`);
    expect(timer?.data).toMatchObject({ kind: "expire-batch", at: due });
    expect([...timer!.data.jobIds].sort()).toEqual(summary.jobs.map((j) => j.jobId).sort());
    await db.cleanupJob.update({ where: { id: cancelled }, data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason: "test" } });
    await db.cleanupJob.update({ where: { id: later }, data: { expiresAt: new Date(Date.now() + 3600_000) } });

    // What the worker runs when the timer fires (its delay long passed: the jobs were generated in 2020).
    expect(await timersProcessor({ kind: "expire-batch", jobIds: timer!.data.jobIds, at: due })).toEqual({ changed: 2 });
    const states = await db.cleanupJob.findMany({ where: { id: { in: summary.jobs.map((j) => j.jobId) } }, select: { id: true, status: true } });
    expect(Object.fromEntries(states.map((j) => [j.id, j.status]))).toEqual({
      [expiring!]: "EXPIRED", [alsoExpiring!]: "EXPIRED", [cancelled!]: "CANCELLED", [later!]: "OPEN",
    });
    // Once is once: firing again expires nothing more.
    expect(await timersProcessor({ kind: "expire-batch", jobIds: timer!.data.jobIds, at: due })).toEqual({ changed: 0 });
    await db.cleanupJob.update({ where: { id: later }, data: { status: "CANCELLED", cancelledAt: new Date(), cancelReason: "test" } });
  }, 120_000);

  it("two generation runs at the same time create each job once, each funded once", async () => {
    const customer = await createUser(["CUSTOMER"]);
    await subscriptions(customer.id, "2032-03-23", 700);
    const [a, b] = await Promise.all([generateDueRecurringJobs(db, { now: at("2032-03-23") }), generateDueRecurringJobs(db, { now: at("2032-03-23") })]);
    expect(a.generated + b.generated).toBe(700);
    expect(a.skipped + b.skipped).toBe(700);
    expect(a.failed + b.failed).toBe(0);
    const day = toDbDate("2032-03-23");
    expect(await db.cleanupJob.count({ where: { serviceDate: day } })).toBe(700);
    await allOpen("2032-03-23", 700);
    expect(await db.paymentOperation.count({ where: { kind: "authorize", payment: { job: { serviceDate: day } } } })).toBe(700);
    expect(await db.jobEvent.count({ where: { type: "posted", job: { serviceDate: day } } })).toBe(700);
    expect(await db.outboxMessage.count({ where: { kind: "settle", status: "PENDING" } })).toBe(0);
  }, 120_000);
});
