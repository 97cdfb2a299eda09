/**
 * Chaos suite, Stripe mode: the real worker as a child process killed with SIGKILL, the app's Redis keys deleted,
 * Redis stopped and restarted empty — against a private redis-server, the fake Stripe API and a fake Resend API,
 * so "exactly once" is counted on what left the system (their request logs), not only on rows.
 * Run time here: about 15 s (most of it three worker starts).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const { fakeStripe, fakeResend, redis } = await vi.hoisted(async () => {
  const { startPrivateRedis, CHAOS_WORKER_ENV } = await import("../../test/chaos");
  const { startFakeStripe } = await import("../../test/fake-stripe");
  const { startFakeHttpServer } = await import("../../test/fake-http-server");
  const redis = await startPrivateRedis();
  const fakeStripe = await startFakeStripe();
  const fakeResend = await startFakeHttpServer((_req, i) => ({ status: 200, json: { id: `resend-${i}` } }));
  Object.assign(process.env, CHAOS_WORKER_ENV, {
    STRIPE_SECRET_KEY: "sk_test_fake", STRIPE_API_BASE: fakeStripe.url, STRIPE_PUBLISHABLE_KEY: "pk_test_fake",
    RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: fakeResend.url,
  });
  return { fakeStripe, fakeResend, redis };
});

import { db } from "@/server/db";
import { queueEmail } from "@/server/email/send-email";
import { checkReadiness } from "@/server/system/health";
import { listen } from "@/server/realtime/hub";
import { jobChannel } from "@/server/realtime/events";
import { reconcile } from "@/server/ops/reconcile";
import { startWorkerProcess, type WorkerProcess } from "@/test/chaos";
import { callerFor, cast, doTheWork, uniqueIpHeaders, validJobInput } from "@/test/factories";
import { nothingInFlight } from "@/test/outbox";

let worker: WorkerProcess | null = null;
const started = Date.now();

beforeAll(async () => {
  worker = await startWorkerProcess();
}, 90_000);
afterAll(async () => {
  await worker?.stop();
  await Promise.all([fakeStripe.close(), fakeResend.close()]);
  console.log(`[chaos] Stripe-mode chaos file ran in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

type People = Awaited<ReturnType<typeof cast>>;

/** Posts a job and pays it the way the browser does (the card form confirms the PaymentIntent). */
async function postPaid(people: People, priceCents: number) {
  const posted = await callerFor(people.customer, uniqueIpHeaders()).jobs.post({ ...validJobInput, priceCents });
  const { providerRef } = await db.payment.findUniqueOrThrow({ where: { jobId: posted.id } });
  fakeStripe.intentStatus.set(providerRef!, "requires_capture");
  expect(await people.customer.api.jobs.confirmPayment({ jobId: posted.id })).toEqual({ status: "OPEN" });
  return { jobId: posted.id, intent: providerRef! };
}

async function completed(people: People, priceCents: number) {
  const job = await postPaid(people, priceCents);
  await doTheWork(people.scooper, job.jobId);
  return job;
}

const stripeCalls = (from: number, pathEnd: string) => fakeStripe.since(from).filter((r) => r.method === "POST" && r.path.endsWith(pathEnd));

/** Emails sent to Resend since `from`, as "to|subject" with how often each was sent. */
function emailsSince(from: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const req of fakeResend.requests.slice(from)) {
    const body = JSON.parse(req.body.toString()) as { to: string[] | string; subject: string };
    for (const to of [body.to].flat()) counts.set(`${to}|${body.subject}`, (counts.get(`${to}|${body.subject}`) ?? 0) + 1);
  }
  return counts;
}

async function expectReconciled() {
  const report = await reconcile(db, { settleMinutes: 0 });
  expect(report.mismatches).toEqual([]);
  expect(report.stuck).toEqual([]);
}

describe("chaos, Stripe mode", () => {
  it("worker SIGKILLed before confirm and cancels, Redis keys deleted: every money step and email happens exactly once", async () => {
    const people = await cast();
    const toConfirm = await completed(people, 2400);
    const openJob = await postPaid(people, 2000);
    const claimed = await postPaid(people, 3000);
    await people.scooper.api.jobs.claim({ jobId: claimed.jobId });
    await nothingInFlight(30_000);
    const stripeMark = fakeStripe.requests.length;
    const mailMark = fakeResend.requests.length;

    await worker!.kill();
    await people.customer.api.jobs.confirm({ jobId: toConfirm.jobId });
    await people.customer.api.jobs.cancel({ jobId: openJob.jobId });
    expect(await people.customer.api.jobs.cancel({ jobId: claimed.jobId })).toEqual({ feeOwedCents: 600 });
    await redis.flushAppKeys();
    // Nothing ran: the money is still only held.
    for (const job of [toConfirm, openJob, claimed]) expect((await db.payment.findUniqueOrThrow({ where: { jobId: job.jobId } })).status).toBe("AUTHORIZED");

    worker = await startWorkerProcess();
    await nothingInFlight(30_000);
    // A few more relay passes and sweeps: nothing runs twice.
    await new Promise((r) => setTimeout(r, 3_000));

    expect(stripeCalls(stripeMark, `/payment_intents/${toConfirm.intent}/capture`)).toHaveLength(1);
    expect(stripeCalls(stripeMark, `/payment_intents/${openJob.intent}/cancel`)).toHaveLength(1);
    const feeCapture = stripeCalls(stripeMark, `/payment_intents/${claimed.intent}/capture`);
    expect(feeCapture).toHaveLength(1);
    expect(feeCapture[0]!.body.amount_to_capture).toBe("600");
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: toConfirm.jobId } })).toMatchObject({ status: "CAPTURED", capturedCents: 2400 });
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: openJob.jobId } })).toMatchObject({ status: "VOIDED" });
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: claimed.jobId } })).toMatchObject({ status: "CAPTURED", capturedCents: 600 });

    const mail = emailsSince(mailMark);
    expect([...mail.values()].every((n) => n === 1)).toBe(true);
    const to = (email: string) => [...mail.keys()].filter((k) => k.startsWith(`${email}|`));
    expect(to(people.scooper.email)).toEqual(expect.arrayContaining([expect.stringMatching(/cancelled/i)]));
    expect(to(people.customer.email).length).toBeGreaterThanOrEqual(1); // the confirmed job's receipt
    expect(await db.notification.count({ where: { userId: people.scooper.id, kind: "job.cancelled" } })).toBe(1);
    await expectReconciled();
  }, 120_000);

  it("Redis unreachable during a confirm and a cancel: both succeed, run once when Redis is back; 503 and resync meanwhile", async () => {
    const people = await cast();
    const toConfirm = await completed(people, 2200);
    const openJob = await postPaid(people, 1800);
    await nothingInFlight(30_000);
    const stripeMark = fakeStripe.requests.length;
    const controller = new AbortController();
    const live = await listen(jobChannel(toConfirm.jobId), controller.signal);

    await redis.stop();
    const outage = Date.now();
    await people.customer.api.jobs.confirm({ jobId: toConfirm.jobId });
    await people.customer.api.jobs.cancel({ jobId: openJob.jobId });
    // They answer at once: nothing waits for Redis.
    expect(Date.now() - outage).toBeLessThan(5_000);
    // An email stored now (its row is its outbox) is not lost either.
    const mailMark = fakeResend.requests.length;
    const messageId = await queueEmail(db, { kind: "test", to: "outage@example.test", subject: "Written while Redis was down", html: "<p>Hi</p>", text: "Hi" });
    // Their effects wait in the outbox.
    expect(await db.outboxMessage.count({ where: { status: "PENDING", payload: { path: ["jobId"], equals: toConfirm.jobId } } })).toBeGreaterThan(0);
    // A call that cannot work without Redis (rate-limited) says "try again", not 500.
    await expect(callerFor(null, uniqueIpHeaders()).accounts.requestPasswordReset({ email: people.customer.email })).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
    });
    const readiness = await checkReadiness();
    expect(readiness).toMatchObject({ ok: false, redis: { ok: false } });

    await redis.start(); // empty, as after a restart without persistence
    console.log(`[chaos] outage calls done in ${Date.now() - outage} ms`);
    const first = await live.next();
    console.log(`[chaos] resync after ${Date.now() - outage} ms`);
    expect(first.value).toMatchObject({ data: { type: "resync" } });
    controller.abort();
    await nothingInFlight(30_000);
    console.log(`[chaos] effects done after ${Date.now() - outage} ms`);
    await new Promise((r) => setTimeout(r, 2_000));
    expect(stripeCalls(stripeMark, `/payment_intents/${toConfirm.intent}/capture`)).toHaveLength(1);
    expect(stripeCalls(stripeMark, `/payment_intents/${openJob.intent}/cancel`)).toHaveLength(1);
    await vi.waitFor(async () => expect((await db.emailMessage.findUniqueOrThrow({ where: { id: messageId } })).status).toBe("SENT"), { timeout: 15_000 });
    expect(emailsSince(mailMark).get("outage@example.test|Written while Redis was down")).toBe(1);
    await vi.waitFor(async () => expect((await checkReadiness()).redis.ok).toBe(true), { timeout: 10_000 });
    await expectReconciled();
  }, 120_000);
});
