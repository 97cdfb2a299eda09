/**
 * Chaos suite, ledger mode: a generated job whose announcements are lost, schedulers deleted from under a
 * running worker, and a side effect that fails every attempt — with the real worker as a child process and a
 * private redis-server. Exactly once is counted on the ledger (operations and balanced transactions).
 * Run time here: about 12 s.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const { redis } = await vi.hoisted(async () => {
  const { startPrivateRedis, CHAOS_WORKER_ENV } = await import("../../test/chaos");
  const redis = await startPrivateRedis();
  Object.assign(process.env, CHAOS_WORKER_ENV);
  return { redis };
});

import { env } from "@/env";
import { db } from "@/server/db";
import { retryDeadOutbox } from "@/server/admin/outbox";
import { reconcile } from "@/server/ops/reconcile";
import { commitWithEffects } from "@/server/outbox/outbox";
import { getQueue } from "@/server/queues/queues";
import { generateDueRecurringJobs } from "@/server/recurring/generate";
import { toDbDate } from "@/server/calendar";
import { checkReadiness } from "@/server/system/health";
import { localDateIn } from "@/lib/schedules";
import { startWorkerProcess, type WorkerProcess } from "@/test/chaos";
import { cast, createOpenJob, createUser } from "@/test/factories";
import { allEffectsDone, effectDone } from "@/test/outbox";
import { schedules } from "../../../worker/schedules";

let worker: WorkerProcess | null = null;
const started = Date.now();

beforeAll(async () => {
  worker = await startWorkerProcess();
}, 90_000);
afterAll(async () => {
  await worker?.stop();
  console.log(`[chaos] ledger-mode chaos file ran in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

async function balancedLedgerFor(jobId: string) {
  const sums = await db.ledgerEntry.groupBy({ by: ["transactionId"], where: { transaction: { jobId } }, _sum: { amountCents: true } });
  expect(sums.every((s) => s._sum.amountCents === 0)).toBe(true);
  return sums.length;
}

describe("chaos, ledger mode", () => {
  it("a generated job whose timers and board event were lost with Redis is funded once and claimable", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const { scooper } = await cast();
    const today = localDateIn(env.APP_TIMEZONE, new Date());
    const sub = await db.recurringCleanup.create({
      data: {
        customerId: customer.id, frequency: "WEEKLY", firstServiceDate: toDbDate(today), priceCents: 2100, address: "3 Chaos Ct, Brooklyn",
        lat: 40.69, lng: -73.99, type: "POOP", pileEstimate: "PILES_1_3", yardSegments: ["N"],
      },
    });

    await worker!.kill();
    const summary = await generateDueRecurringJobs(db);
    const jobId = summary.jobs.find((j) => j.subscriptionId === sub.id)!.jobId;
    await redis.flushAppKeys();
    // The hold committed with the job (the ledger): it is OPEN and held with no worker and nothing left in Redis.
    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId }, include: { payment: true } })).toMatchObject({
      status: "OPEN", payment: { status: "AUTHORIZED", amountCents: 2100 },
    });

    worker = await startWorkerProcess();
    await expect(scooper.api.jobs.claim({ jobId })).resolves.toMatchObject({ id: jobId });
    expect(await db.paymentOperation.count({ where: { payment: { jobId }, kind: "authorize" } })).toBe(1);
    expect(await balancedLedgerFor(jobId)).toBe(1);
    await db.recurringCleanup.update({ where: { id: sub.id }, data: { status: "CANCELLED" } });
  }, 120_000);

  it("Redis loses its keys under a running worker: schedulers come back within seconds and deadlines still apply", async () => {
    const customer = await createUser(["CUSTOMER"]);
    await redis.flushAppKeys();
    const ids = schedules().map((s) => s.id).sort();
    await vi.waitFor(
      async () => {
        const present = (await Promise.all(["recurring", "system", "timers", "notifications"].map((q) => getQueue(q as "system").getJobSchedulers())))
          .flat().map((s) => s.key).sort();
        expect(present).toEqual(ids);
      },
      { timeout: 20_000, interval: 250 },
    );
    // The repair is stamped just after the schedulers are back: a busy machine can read between the two.
    await vi.waitFor(async () => expect((await checkReadiness()).schedules.lastRepairAt).not.toBeNull(), { timeout: 10_000, interval: 250 });
    const readiness = await checkReadiness();
    expect(readiness.schedules.repaired.sort()).toEqual(ids);

    // A deadline whose timer went with the keys: the re-created sweep applies it, and its void runs once.
    const job = await createOpenJob(customer.id, { expiresAt: new Date(Date.now() - 1000) });
    await vi.waitFor(async () => expect((await db.cleanupJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("EXPIRED"), {
      timeout: 20_000, interval: 250,
    });
    await allEffectsDone(20_000);
  }, 60_000);

  it("a side effect that fails every attempt is DEAD with its error; an admin retry runs it once under a new id", async () => {
    const { admin } = await cast();
    // An email effect whose message row does not exist (yet): every attempt fails.
    const messageId = `chaos-${Date.now()}`;
    const key = `email-${messageId}`;
    await commitWithEffects(db, async (_tx, emit) => emit({ queue: "emails", payload: { kind: "send", messageId }, key }));
    await vi.waitFor(async () => expect((await db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: key } })).status).toBe("DEAD"), {
      timeout: 60_000, interval: 250,
    });
    const dead = await db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: key } });
    expect(dead).toMatchObject({ attempts: 5, lastError: expect.stringContaining("not found") });
    // The readiness report counts it (an admin must act), without failing readiness for it.
    expect((await checkReadiness()).outbox).toMatchObject({ dead: 1, stuck: 0 });

    await db.emailMessage.create({ data: { id: messageId, kind: "test", toAddress: "someone@example.test", subject: "Hello", html: "<p>Hi</p>", text: "Hi" } });
    expect(await retryDeadOutbox(db, admin.id, dead.id)).toEqual({ jobId: `${dead.id}-retry-1` });
    await effectDone(key, 20_000);
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({ status: "SENT", attempts: 1 });
    expect(await db.auditLog.count({ where: { action: "outbox.retry", targetId: dead.id } })).toBe(1);
    await expect(retryDeadOutbox(db, admin.id, dead.id)).rejects.toMatchObject({ code: "CONFLICT" });
    // Everything the suite did reconciles (the expired job of the test above was made without a payment: allowed).
    const report = await reconcile(db, { settleMinutes: 0 });
    expect(report.stuck).toEqual([]);
    expect(report.mismatches).toEqual([]);
  }, 90_000);
});
