/**
 * Money that stays real over time (Stripe mode, against the fake Stripe API): holds renewed before they lapse, a
 * hold Stripe cancelled by itself, chargebacks, and the nightly comparison of Stripe's records with the database.
 * Runs with a non-default HOLD_REFRESH_AFTER_HOURS (30).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.HOLD_REFRESH_AFTER_HOURS = "30";
});

import { env } from "@/env";
import { db } from "@/server/db";
import { outboxJobOptions } from "@/server/outbox/outbox";
import { acceptStripeEvent, processStripeEvent } from "@/server/webhooks/stripe-events";
import { callerFor, createOpenJob, createUser, uniqueIpHeaders, validJobInput } from "@/test/factories";
import { DECLINED_PAYMENT_METHOD, startFakeStripe } from "@/test/fake-stripe";
import { stripeMoney } from "@/test/payments";
import { ledgerContext, stripeContext } from "./context";
import { queueHoldRenewals } from "./hold-renewal";
import { accountBalance, accounts } from "./ledger";
import { LEASE_MS } from "./payment-book";
import { releaseReplacedHoldNow, renewHold } from "./steps/renew-hold";
import { compareWithStripe } from "./stripe-reconcile";
import { createStripeClient } from "./stripe/client";

let fake: Awaited<ReturnType<typeof startFakeStripe>>;
let stripe: ReturnType<typeof createStripeClient>;
let money: ReturnType<typeof stripeMoney>;

beforeAll(async () => {
  fake = await startFakeStripe();
  stripe = createStripeClient("sk_test_fake", fake.url);
  money = stripeMoney(db, stripe);
});
afterAll(() => fake.close());

const HOUR = 3600_000;

async function expectAppError(promise: Promise<unknown>, code: string) {
  await expect(promise).rejects.toMatchObject({ code });
}

async function heldJob(priceCents = 2000) {
  const customer = await createUser(["CUSTOMER"]);
  const scooper = await createUser(["SCOOPER"]);
  const job = await createOpenJob(customer.id, { priceCents });
  await money.createPayoutAccountLink({ scooperId: scooper.id });
  await db.cleanupJob.update({ where: { id: job.id }, data: { scooperId: scooper.id, status: "COMPLETED" } });
  await money.authorizeJobPayment({ jobId: job.id, customerId: customer.id, amountCents: priceCents, paymentMethodId: "pm_card" });
  const payment = await db.payment.findUniqueOrThrow({ where: { jobId: job.id } });
  return { customer, scooper, job, payment };
}

async function heldSince(jobId: string, hoursAgo: number) {
  const heldAt = new Date(Date.now() - hoursAgo * HOUR);
  await db.payment.update({ where: { jobId }, data: { heldAt } });
  return heldAt;
}

async function deliver(event: { id: string; type: string; data: { object: unknown } }) {
  const { eventId } = await acceptStripeEvent(db, event);
  return processStripeEvent(db, eventId, stripe);
}

describe("card holds that would lapse", () => {
  it("renews a hold older than HOLD_REFRESH_AFTER_HOURS on the same card, releases the old one, and moves no money", async () => {
    const due = await heldJob(2000);
    const notYet = await heldJob(1500);
    const heldAt = await heldSince(due.job.id, 31);
    await heldSince(notYet.job.id, 29);

    await queueHoldRenewals(stripeContext(db, stripe));
    // Offline (no Stripe configured) nothing is renewed: the ledger gateway cannot renew a Stripe hold.
    expect(await queueHoldRenewals({ db, gateway: ledgerContext(db).gateway })).toBe(0);
    const effects = await db.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "renew-hold-" } }, select: { dedupeKey: true } });
    expect(effects.map((e) => e.dedupeKey)).toContain(`renew-hold-${due.job.id}-${heldAt.getTime()}`);
    expect(effects.map((e) => e.dedupeKey).some((k) => k.includes(notYet.job.id))).toBe(false);

    const heldBefore = await accountBalance(db, accounts.customerHeld(due.customer.id));
    const mark = fake.requests.length;
    expect(await renewHold(stripeContext(db, stripe), { jobId: due.job.id })).toEqual({ renewed: true, replayed: false });
    const calls = fake.since(mark).filter((r) => r.method === "POST");
    const key = `job_${due.job.id}_renew_hold_${heldAt.getTime()}`;
    expect(calls.map((c) => [c.path, c.idempotencyKey])).toEqual([["/v1/payment_intents", key]]);
    // The old hold's release is owed in the renewal's own commit (an outbox row: a worker dying now loses nothing),
    // and made when the worker delivers it.
    const release = await db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `release-hold-${due.job.id}-${due.payment.providerRef}` } });
    expect(release).toMatchObject({ queue: "payments", kind: "release-hold", payload: { kind: "release-hold", jobId: due.job.id, ref: due.payment.providerRef, key: `${key}_release_old` } });
    await releaseReplacedHoldNow(stripeContext(db, stripe), release.payload as { ref: string; key: string });
    expect(fake.since(mark).filter((r) => r.method === "POST").map((c) => [c.path, c.idempotencyKey])).toEqual([
      ["/v1/payment_intents", key],
      [`/v1/payment_intents/${due.payment.providerRef}/cancel`, `${key}_release_old`],
    ]);
    expect(calls[0]!.body).toMatchObject({ amount: "2000", capture_method: "manual", payment_method: "pm_card", confirm: "true", off_session: "true" });
    const renewed = await db.payment.findUniqueOrThrow({ where: { jobId: due.job.id } });
    expect(renewed.status).toBe("AUTHORIZED");
    expect(renewed.providerRef).not.toBe(due.payment.providerRef);
    expect(renewed.heldAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await accountBalance(db, accounts.customerHeld(due.customer.id))).toBe(heldBefore);

    // Again: nothing moves; and the capture then charges the new hold.
    const again = fake.requests.length;
    expect(await renewHold(stripeContext(db, stripe), { jobId: due.job.id })).toMatchObject({ renewed: false });
    expect(fake.since(again).filter((r) => r.method === "POST")).toEqual([]);
    await money.captureJobPayment({ jobId: due.job.id });
    expect(fake.requests.some((r) => r.path === `/v1/payment_intents/${renewed.providerRef}/capture`)).toBe(true);
    // Stripe's records agree with the database: the replaced hold is not a difference.
    expect((await compareWithStripe(db, stripe, { since: new Date(Date.now() - HOUR) })).filter((d) => d.jobId === due.job.id)).toEqual([]);
  });

  it("keeps the old hold and says why when the card refuses the renewal", async () => {
    const { job, payment } = await heldJob(1800);
    await heldSince(job.id, 40);
    fake.intentCard.set(payment.providerRef!, DECLINED_PAYMENT_METHOD);
    const outcome = await renewHold(stripeContext(db, stripe), { jobId: job.id });
    expect(outcome).toMatchObject({ renewed: false, reason: expect.stringContaining("could not be renewed") });
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: job.id } })).toMatchObject({
      status: "AUTHORIZED", providerRef: payment.providerRef, failureReason: expect.stringContaining("Your card was declined"),
    });
    expect(fake.requests.some((r) => r.path === `/v1/payment_intents/${payment.providerRef}/cancel`)).toBe(false);
  });

  it("never renews a hold while a money step uses it, and no step uses a hold being renewed", async () => {
    const { job, payment } = await heldJob(2100);
    await heldSince(job.id, 50);
    await db.payment.update({ where: { jobId: job.id }, data: { stepStartedAt: new Date() } });
    const mark = fake.requests.length;
    await expect(renewHold(stripeContext(db, stripe), { jobId: job.id })).rejects.toThrow(/money step is using the hold/);
    expect(fake.since(mark).filter((r) => r.method === "POST")).toEqual([]);
    // The other way round: a renewal under way makes the capture wait (its queue retries it).
    await db.payment.update({ where: { jobId: job.id }, data: { stepStartedAt: null, renewingUntil: new Date(Date.now() + 60_000) } });
    await expect(money.captureJobPayment({ jobId: job.id })).rejects.toThrow(/being renewed/);
    expect(fake.requests.some((r) => r.path === `/v1/payment_intents/${payment.providerRef}/capture`)).toBe(false);
    // A renewal that died frees the hold after its lease.
    await db.payment.update({ where: { jobId: job.id }, data: { renewingUntil: new Date(Date.now() - 1000) } });
    expect(await money.captureJobPayment({ jobId: job.id })).toMatchObject({ status: "CAPTURED" });
  });

  it("retries a renewal for longer than the lease a renewal that died mid-call leaves behind", () => {
    // Its own dead lease refuses a renewal's retries until it ends: the row must not go DEAD before that.
    const { attempts, backoff } = outboxJobOptions({ id: "x", queue: "payments", kind: "renew-hold", retries: 0 });
    expect(backoff).toEqual({ type: "exponential", delay: env.OUTBOX_BACKOFF_MS });
    const retriedFor = env.OUTBOX_BACKOFF_MS * (2 ** ((attempts ?? 1) - 1) - 1);
    expect(retriedFor).toBeGreaterThan(LEASE_MS);
  });

  it("voids a hold Stripe cancelled by itself, and the job's own void is then a replay", async () => {
    const { customer, job, payment } = await heldJob(1600);
    expect(await deliver({ id: `evt_lapse_${job.id}`, type: "payment_intent.canceled", data: { object: { id: payment.providerRef, cancellation_reason: "automatic" } } })).toBe("hold-lapsed");
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: job.id } })).toMatchObject({ status: "VOIDED", failureReason: expect.stringContaining("lapsed") });
    expect(await accountBalance(db, accounts.customerHeld(customer.id))).toBe(0);
    const mark = fake.requests.length;
    expect(await money.voidJobPayment({ jobId: job.id })).toMatchObject({ replayed: true });
    expect(fake.since(mark).filter((r) => r.method === "POST")).toEqual([]);
    // Our own cancel (no reason) is not a lapse.
    const other = await heldJob(1400);
    expect(await deliver({ id: `evt_cancel_${other.job.id}`, type: "payment_intent.canceled", data: { object: { id: other.payment.providerRef, cancellation_reason: null } } })).toBe("ignored");
    expect((await db.payment.findUniqueOrThrow({ where: { jobId: other.job.id } })).status).toBe("AUTHORIZED");
  });
});

describe("chargebacks", () => {
  it("records the dispute once, books it on the platform, holds the customer's posting until an admin releases it", async () => {
    const { customer, job, payment } = await heldJob(3000);
    await money.captureJobPayment({ jobId: job.id });
    const revenueBefore = await accountBalance(db, accounts.platformRevenue());
    const dispute = { id: `du_${job.id}`, amount: 3000, reason: "fraudulent", status: "needs_response", charge: `ch_for_${payment.providerRef}`, payment_intent: payment.providerRef };
    expect(await deliver({ id: `evt_du_${job.id}`, type: "charge.dispute.created", data: { object: dispute } })).toBe("chargeback-opened");
    // Stripe repeats itself: the same dispute under another event id books nothing more.
    expect(await deliver({ id: `evt_du2_${job.id}`, type: "charge.dispute.created", data: { object: dispute } })).toBe("ignored");
    expect(await db.chargeback.findMany({ where: { jobId: job.id } })).toEqual([expect.objectContaining({ amountCents: 3000, reason: "fraudulent", status: "needs_response" })]);
    expect(await accountBalance(db, accounts.platformRevenue())).toBe(revenueBefore - 3000);
    // The scooper's payout is not reversed (the platform carries a chargeback).
    expect((await db.payment.findUniqueOrThrow({ where: { jobId: job.id } })).scooperPayoutCents).toBe(2550);

    const customerApi = callerFor(customer, uniqueIpHeaders());
    await expectAppError(customerApi.jobs.post({ ...validJobInput, priceCents: 1500 }), "PRECONDITION_FAILED");
    const admin = await createUser(["ADMIN"]);
    const listed = await callerFor(admin).payments.chargebacks();
    expect(listed.find((c) => c.jobId === job.id)).toMatchObject({ amountCents: 3000, customer: { id: customer.id, postingHeld: true } });
    await expectAppError(callerFor(customer).payments.chargebacks(), "FORBIDDEN");
    await expectAppError(callerFor(await createUser(["SCOOPER"])).adminUsers.releasePostingHold({ userId: customer.id, reason: "looked at it" }), "FORBIDDEN");
    await callerFor(admin).adminUsers.releasePostingHold({ userId: customer.id, reason: "Bank confirmed the card owner" });
    expect(await db.auditLog.findFirst({ where: { action: "user.release-posting-hold", targetId: customer.id } })).toMatchObject({ actorId: admin.id, reason: "Bank confirmed the card owner" });
    await expectAppError(callerFor(admin).adminUsers.releasePostingHold({ userId: customer.id, reason: "again" }), "CONFLICT");
    expect(await customerApi.jobs.post({ ...validJobInput, priceCents: 1500 })).toMatchObject({ id: expect.any(String) });

    // Won: the money comes back to the platform, once.
    const won = { ...dispute, status: "won" };
    expect(await deliver({ id: `evt_du_won_${job.id}`, type: "charge.dispute.closed", data: { object: won } })).toBe("chargeback-won");
    expect(await deliver({ id: `evt_du_won2_${job.id}`, type: "charge.dispute.closed", data: { object: won } })).toBe("chargeback-won");
    expect(await accountBalance(db, accounts.platformRevenue())).toBe(revenueBefore);
    expect(await db.chargeback.findUniqueOrThrow({ where: { providerRef: dispute.id } })).toMatchObject({ status: "won", closedAt: expect.any(Date) });
  });

  it("books nothing for an inquiry, and books a dispute once when its close arrives before its opening", async () => {
    const inquiry = await heldJob(1200);
    await money.captureJobPayment({ jobId: inquiry.job.id });
    const revenue = await accountBalance(db, accounts.platformRevenue());
    const asked = { id: `du_inq_${inquiry.job.id}`, amount: 1200, reason: "general", status: "warning_needs_response", payment_intent: inquiry.payment.providerRef };
    expect(await deliver({ id: `evt_inq_${inquiry.job.id}`, type: "charge.dispute.created", data: { object: asked } })).toBe("ignored");
    expect(await db.chargeback.findUniqueOrThrow({ where: { providerRef: asked.id } })).toMatchObject({ status: "warning_needs_response" });
    expect(await deliver({ id: `evt_inq_c_${inquiry.job.id}`, type: "charge.dispute.closed", data: { object: { ...asked, status: "warning_closed" } } })).toBe("chargeback-warning_closed");
    expect(await accountBalance(db, accounts.platformRevenue())).toBe(revenue);
    expect((await db.user.findUniqueOrThrow({ where: { id: inquiry.customer.id } })).postingHeldAt).toBeNull();

    const late = await heldJob(1700);
    await money.captureJobPayment({ jobId: late.job.id });
    const before = await accountBalance(db, accounts.platformRevenue());
    const lost = { id: `du_late_${late.job.id}`, amount: 1700, reason: "product_not_received", status: "lost", payment_intent: late.payment.providerRef };
    expect(await deliver({ id: `evt_late_c_${late.job.id}`, type: "charge.dispute.closed", data: { object: lost } })).toBe("chargeback-lost");
    expect(await deliver({ id: `evt_late_o_${late.job.id}`, type: "charge.dispute.created", data: { object: { ...lost, status: "needs_response" } } })).toBe("ignored");
    expect(await accountBalance(db, accounts.platformRevenue())).toBe(before - 1700);
    expect((await db.user.findUniqueOrThrow({ where: { id: late.customer.id } })).postingHeldAt).not.toBeNull();
  });
});

describe("nightly comparison with Stripe", () => {
  it("lists every difference between Stripe's records and the database, and none when they agree", async () => {
    const since = new Date(Date.now() - HOUR);
    const captured = await heldJob(2200);
    await money.captureJobPayment({ jobId: captured.job.id });
    const refunded = await heldJob(2600);
    await money.captureJobPayment({ jobId: refunded.job.id });
    await money.refundJobPayment({ jobId: refunded.job.id, amountCents: 600, reason: "ADMIN" });
    const held = await heldJob(1900);
    const ours = new Set([captured.job.id, refunded.job.id, held.job.id]);
    const mine = async () => (await compareWithStripe(db, stripe, { since })).filter((d) => d.jobId && ours.has(d.jobId));
    expect(await mine()).toEqual([]);

    // Stripe says the held one was captured; a refund Scoop never made; a payout transfer Stripe has no record of;
    // a PaymentIntent for a job Scoop has no payment with.
    fake.records.intents.get(held.payment.providerRef!)!.status = "succeeded";
    await stripe.refunds.create({ payment_intent: captured.payment.providerRef!, amount: 500 });
    const transferRef = (await db.payment.findUniqueOrThrow({ where: { jobId: captured.job.id } })).transferRef!;
    fake.records.transfers.splice(fake.records.transfers.findIndex((t) => t.id === transferRef), 1);
    const stray = await stripe.paymentIntents.create({ amount: 999, currency: "usd", capture_method: "manual", payment_method: "pm_card", confirm: true, metadata: { jobId: held.job.id, customerId: held.customer.id } });
    expect(await mine()).toEqual(expect.arrayContaining([
      { kind: "payment", ref: held.payment.providerRef, jobId: held.job.id, stripe: "succeeded", scoop: "AUTHORIZED" },
      { kind: "refund", ref: captured.payment.providerRef, jobId: captured.job.id, stripe: "refunded 500", scoop: "refunded 0" },
      { kind: "transfer", ref: transferRef, jobId: captured.job.id, stripe: "no such transfer", scoop: "recorded as paid" },
      { kind: "payment", ref: stray.id, jobId: held.job.id, stripe: "requires_capture 999", scoop: "no payment with this intent" },
    ]));
    expect(await mine()).toHaveLength(4);
  });
});
