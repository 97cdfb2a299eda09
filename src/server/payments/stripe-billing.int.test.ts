/**
 * Stripe mode end to end (the app's own provider, pointed at a fake Stripe API on loopback, with the real worker):
 * a posted job waits for its card, recurring visits are paid by subscription invoices and never twice, and
 * renewal reminders follow the billing dates.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

const fake = await vi.hoisted(async () => {
  const { startFakeStripe } = await import("../../test/fake-stripe");
  const server = await startFakeStripe();
  process.env.STRIPE_SECRET_KEY = "sk_test_fake";
  process.env.STRIPE_API_BASE = server.url;
  process.env.STRIPE_PUBLISHABLE_KEY = "pk_test_fake";
  return server;
});

import { env } from "@/env";
import { addDays, zonedTime } from "@/lib/schedules";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { cancelOverduePayments } from "@/server/jobs/payment-gate";
import { toDbDate } from "@/server/calendar";
import { generateDueRecurringJobs } from "@/server/recurring/generate";
import { sendRenewalReminders } from "@/server/recurring/reminders";
import { DECLINED_PAYMENT_METHOD } from "@/test/fake-stripe";
import { callerFor, createUser, uniqueIpHeaders, validJobInput } from "@/test/factories";
import { startWorker, type RunningWorker } from "../../../worker/worker";
import { acceptStripeEvent } from "@/server/webhooks/stripe-events";
import { moneyRooms } from "@/test/payments";
import { billingAnchor, nextBillingAt } from "./billing/prepaid-visits";
import { paymentsContext } from "./context";

const at = (date: string, time = env.RECURRING_GENERATION_TIME) => zonedTime(date, time, env.APP_TIMEZONE);
const unix = (d: Date) => String(d.getTime() / 1000);

let worker: RunningWorker;
beforeAll(async () => {
  worker = await startWorker({ queues: ["payments"], schedules: false });
});
afterAll(async () => {
  await Promise.all(worker.workers.map((w) => w.close()));
  await fake.close();
});
// Generation serves every due subscription in the database: end each test's subscriptions.
afterEach(async () => {
  await db.recurringCleanup.updateMany({ data: { status: "CANCELLED" } });
});

async function expectAppError(promise: Promise<unknown>, code: string) {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toMatchObject({ code });
  return err as AppError;
}

async function subscribe(frequency: "WEEKLY" | "MONTHLY", firstServiceDate: string, priceCents = 1800) {
  const customer = await createUser(["CUSTOMER"]);
  const sub = await db.recurringCleanup.create({
    data: {
      customerId: customer.id, frequency, firstServiceDate: toDbDate(firstServiceDate), priceCents, address: "12 Garden Pl, Brooklyn",
      lat: 40.69, lng: -73.99, type: "POOP", pileEstimate: "PILES_1_3", yardSegments: ["N"],
    },
  });
  const billing = await moneyRooms(paymentsContext()).createSubscriptionBilling({ recurringId: sub.id });
  if (billing.mode !== "subscription") throw new Error("expected Stripe billing");
  return { customer, sub, billing };
}

let invoiceSeq = 0;
/** Stripe tells us an invoice of the subscription was paid (through the real webhook intake and the worker). */
async function invoicePaid(subscriptionId: string, amountPaid: number, recurringId = "rc_any") {
  const invoiceId = `in_paid_${Date.now()}_${++invoiceSeq}`;
  const event = {
    id: `evt_${invoiceId}`, type: "invoice.paid",
    data: {
      object: {
        id: invoiceId, object: "invoice", amount_paid: amountPaid,
        parent: { subscription_details: { subscription: subscriptionId, metadata: { recurringId } } },
      },
    },
  };
  const { eventId } = await acceptStripeEvent(db, event);
  await vi.waitFor(async () => expect((await db.stripeEvent.findUniqueOrThrow({ where: { id: eventId } })).processedAt).not.toBeNull(), { timeout: 10_000, interval: 50 });
  return { invoiceId, eventId, event };
}

/** Stripe tells us an invoice of the subscription failed. */
async function invoiceFailed(subscriptionId: string) {
  const invoiceId = `in_failed_${Date.now()}_${++invoiceSeq}`;
  const { eventId } = await acceptStripeEvent(db, {
    id: `evt_${invoiceId}`, type: "invoice.payment_failed",
    data: { object: { id: invoiceId, object: "invoice", amount_paid: 0, parent: { subscription_details: { subscription: subscriptionId } } } },
  });
  await vi.waitFor(async () => expect((await db.stripeEvent.findUniqueOrThrow({ where: { id: eventId } })).processedAt).not.toBeNull(), { timeout: 10_000, interval: 50 });
  return invoiceId;
}

/** Requests to the fake Stripe from `mark` on, once `done` holds (the worker makes them after the request returned). */
async function stripeCalls(mark: number, done: (calls: ReturnType<typeof fake.since>) => boolean) {
  await vi.waitFor(() => expect(done(fake.since(mark))).toBe(true), { timeout: 10_000, interval: 50 });
  return fake.since(mark);
}

async function jobStatus(jobId: string, status: string) {
  await vi.waitFor(async () => expect((await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe(status), { timeout: 10_000, interval: 50 });
}

describe("Stripe billing of recurring cleanups", () => {
  it("anchors billing the day before each weekly visit, and at each month's end for monthly visits", () => {
    expect(billingAnchor("WEEKLY", ["2031-01-07", "2031-01-14"])).toEqual(at("2031-01-13"));
    expect(billingAnchor("MONTHLY", ["2031-01-14", "2031-02-11"])).toEqual(at("2031-01-31"));
    expect(billingAnchor("MONTHLY", ["2032-02-10", "2032-03-09"])).toEqual(at("2032-02-29"));
  });

  it("finds the next billing date like Stripe's cycle: whole weeks, and a day-31 monthly anchor clamped to short months", () => {
    const jan31 = new Date("2031-01-31T11:00:00Z");
    expect(nextBillingAt("MONTHLY", jan31, new Date("2031-01-01T00:00:00Z"))).toEqual(jan31);
    expect(nextBillingAt("MONTHLY", jan31, new Date("2031-02-01T00:00:00Z"))).toEqual(new Date("2031-02-28T11:00:00Z"));
    expect(nextBillingAt("MONTHLY", jan31, new Date("2031-03-01T00:00:00Z"))).toEqual(new Date("2031-03-31T11:00:00Z"));
    expect(nextBillingAt("MONTHLY", jan31, new Date("2032-02-01T00:00:00Z"))).toEqual(new Date("2032-02-29T11:00:00Z"));
    const anchor = new Date("2031-01-13T11:00:00Z");
    expect(nextBillingAt("WEEKLY", anchor, new Date("2031-01-13T11:00:01Z"))).toEqual(new Date("2031-01-20T11:00:00Z"));
    expect(nextBillingAt("BIWEEKLY", anchor, new Date("2031-01-14T00:00:00Z"))).toEqual(new Date("2031-01-27T11:00:00Z"));
  });

  it("pays each visit from one paid invoice, never with a second charge, and a visit no invoice covers from the card on file", async () => {
    const { customer, sub, billing } = await subscribe("WEEKLY", "2031-03-04");
    expect(billing).toMatchObject({ status: "INCOMPLETE", clientSecret: "in_secret_x", publishableKey: "pk_test_fake" });
    // Until it is paid, the subscription's page offers the card form again (to its customer only).
    expect(await callerFor(customer).recurring.paymentForm({ id: sub.id })).toEqual({ clientSecret: "in_open_secret_x", publishableKey: "pk_test_fake" });
    await expectAppError(callerFor(await createUser(["CUSTOMER"])).recurring.paymentForm({ id: sub.id }), "NOT_FOUND");
    await expectAppError(callerFor(await createUser(["SCOOPER"])).recurring.paymentForm({ id: sub.id }), "FORBIDDEN");

    // The first invoice (the first visit) is paid: one prepaid visit, however often Stripe says so.
    const { invoiceId, event } = await invoicePaid(billing.subscriptionId, 1800);
    await acceptStripeEvent(db, event);
    expect(await db.prepaidVisit.findMany({ where: { recurringId: sub.id } })).toEqual([
      expect.objectContaining({ invoiceRef: invoiceId, paymentIntentRef: `pi_for_${invoiceId}`, chargeRef: `ch_for_pi_for_${invoiceId}`, amountCents: 1800, status: "AVAILABLE" }),
    ]);
    expect(await db.billingSubscription.findUniqueOrThrow({ where: { recurringId: sub.id } })).toMatchObject({ status: "ACTIVE", paymentMethodRef: "pm_card" });
    expect(await callerFor(customer).recurring.paymentForm({ id: sub.id })).toBeNull();
    // The admins' subscription page shows how it is billed.
    expect((await callerFor(await createUser(["ADMIN"])).adminSubscriptions.byId({ id: sub.id })).billing).toEqual({
      provider: "stripe", status: "ACTIVE", lastInvoiceStatus: "paid", nextBillingAt: at("2031-03-10"), prepaidVisitsAvailable: 1,
    });
    // One receipt for the charge, however often the invoice was reported.
    expect(await db.emailMessage.findMany({ where: { kind: "receipt-visit-charge", toAddress: customer.email } })).toEqual([
      expect.objectContaining({ dedupeKey: `receipt:${invoiceId}`, subject: expect.stringContaining("$18.00") }),
    ]);

    // Service day: the job waits for its money, the worker funds it from the prepaid visit and opens it.
    let mark = fake.requests.length;
    const first = await generateDueRecurringJobs(db, { now: at("2031-03-04") });
    const jobId = first.jobs[0]!.jobId;
    expect(first).toMatchObject({ generated: 1, failed: 0 });
    await jobStatus(jobId, "OPEN");
    expect(await db.payment.findUniqueOrThrow({ where: { jobId } })).toMatchObject({
      status: "AUTHORIZED", amountCents: 1800, providerRef: `pi_for_${invoiceId}`, chargeRef: `ch_for_pi_for_${invoiceId}`, prepaidVisitId: expect.any(String),
    });
    expect(fake.since(mark).filter((r) => r.path === "/v1/payment_intents")).toEqual([]); // no second charge
    expect(await db.prepaidVisit.findFirstOrThrow({ where: { recurringId: sub.id } })).toMatchObject({ status: "USED", jobId });
    expect((await db.jobEvent.findMany({ where: { jobId } })).map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([["posted", "AWAITING_PAYMENT", "OPEN"]]);

    // Confirmation pays the scooper from the invoice's charge: nothing is captured again.
    const scooper = await createUser(["SCOOPER"]);
    await db.payoutAccount.create({ data: { userId: scooper.id, provider: "stripe", providerRef: "acct_scooper", payoutsEnabled: true, detailsSubmitted: true } });
    await db.cleanupJob.update({ where: { id: jobId }, data: { status: "COMPLETED", scooperId: scooper.id } });
    mark = fake.requests.length;
    expect(await moneyRooms(paymentsContext()).captureJobPayment({ jobId })).toMatchObject({ status: "CAPTURED", amountCents: 1800 });
    expect(fake.since(mark)).toEqual([
      expect.objectContaining({
        path: "/v1/transfers",
        body: expect.objectContaining({ amount: "1530", destination: "acct_scooper", source_transaction: `ch_for_pi_for_${invoiceId}` }),
      }),
    ]);

    // Next week's invoice fails: the visit is held on the card that paid the last one, and the failed invoice is voided
    // so that neither Stripe's retries nor the customer pay that visit a second time.
    const failed = await invoiceFailed(billing.subscriptionId);
    expect(await db.billingSubscription.findUniqueOrThrow({ where: { recurringId: sub.id } })).toMatchObject({ status: "PAST_DUE", lastInvoiceRef: failed });
    mark = fake.requests.length;
    const second = await generateDueRecurringJobs(db, { now: at("2031-03-11") });
    const secondJob = second.jobs[0]!.jobId;
    await jobStatus(secondJob, "OPEN");
    const calls = fake.since(mark);
    expect(calls.filter((r) => r.path === "/v1/payment_intents")).toEqual([
      expect.objectContaining({ body: expect.objectContaining({ amount: "1800", capture_method: "manual", payment_method: "pm_card", off_session: "true", "metadata[customerId]": customer.id }) }),
    ]);
    expect(calls.filter((r) => r.path === `/v1/invoices/${failed}/void`)).toHaveLength(1);
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: secondJob } })).toMatchObject({ status: "AUTHORIZED", prepaidVisitId: null });
    expect(await db.billingSubscription.findUniqueOrThrow({ where: { recurringId: sub.id } })).toMatchObject({ lastInvoiceStatus: "void" });
  });

  it("carries a visit paid for a skipped date to the next date: the customer pays each visit once", async () => {
    const { customer, sub, billing } = await subscribe("WEEKLY", "2031-05-06");
    const { invoiceId } = await invoicePaid(billing.subscriptionId, 1800, sub.id);
    await callerFor(customer).recurring.skipVisit({ id: sub.id, date: "2031-05-06" });
    expect(await generateDueRecurringJobs(db, { now: at("2031-05-06") })).toMatchObject({ generated: 0, skippedByCustomer: 1 });
    const [visit] = await db.prepaidVisit.findMany({ where: { recurringId: sub.id } });
    expect(visit).toMatchObject({ invoiceRef: invoiceId, status: "AVAILABLE" });

    const mark = fake.requests.length;
    const next = await generateDueRecurringJobs(db, { now: at("2031-05-13") });
    const jobId = next.jobs[0]!.jobId;
    await jobStatus(jobId, "OPEN");
    expect(await db.payment.findUniqueOrThrow({ where: { jobId } })).toMatchObject({ prepaidVisitId: visit!.id, providerRef: `pi_for_${invoiceId}` });
    expect(await db.prepaidVisit.findUniqueOrThrow({ where: { id: visit!.id } })).toMatchObject({ status: "USED", jobId });
    // No card hold and no charge for the next date: the skipped date's payment pays it.
    expect(fake.since(mark).filter((r) => r.path.startsWith("/v1/payment_intents"))).toEqual([]);
  });

  it("cancels a generated job whose visit is unpaid and whose card is declined, and releases nothing it never held", async () => {
    const { sub } = await subscribe("WEEKLY", "2031-04-01");
    await db.billingSubscription.update({ where: { recurringId: sub.id }, data: { status: "PAST_DUE", paymentMethodRef: DECLINED_PAYMENT_METHOD } });
    const run = await generateDueRecurringJobs(db, { now: at("2031-04-01") });
    const jobId = run.jobs[0]!.jobId;
    await jobStatus(jobId, "CANCELLED");
    const job = await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId } });
    expect(job.cancelReason).toMatch(/payment not authorized: Your card was declined/);
    expect(await db.payment.count({ where: { jobId } })).toBe(0);
    // Nobody but the customer ever saw it on the board.
    expect(await db.jobEvent.findMany({ where: { jobId }, select: { type: true, toStatus: true } })).toEqual([{ type: "payment_failed", toStatus: "CANCELLED" }]);
  });

  it("refunds a prepaid visit whose job expired unclaimed, and every unused prepaid visit when the subscription is cancelled", async () => {
    const { customer, sub, billing } = await subscribe("WEEKLY", "2031-05-06", 2000);
    const paid1 = await invoicePaid(billing.subscriptionId, 2000);
    const paid2 = await invoicePaid(billing.subscriptionId, 2000);
    const run = await generateDueRecurringJobs(db, { now: at("2031-05-06") });
    const jobId = run.jobs[0]!.jobId;
    await jobStatus(jobId, "OPEN");

    let mark = fake.requests.length;
    expect(await moneyRooms(paymentsContext()).voidJobPayment({ jobId })).toMatchObject({ status: "VOIDED" });
    expect(fake.since(mark)).toEqual([
      expect.objectContaining({ path: "/v1/refunds", idempotencyKey: `job_${jobId}_void`, body: expect.objectContaining({ payment_intent: `pi_for_${paid1.invoiceId}`, amount: "2000" }) }),
    ]);

    mark = fake.requests.length;
    await callerFor(customer).recurring.cancel({ id: sub.id });
    // The worker cancels at Stripe and refunds the unused visit, after the request returned.
    const calls = await stripeCalls(mark, (c) => c.some((r) => r.path === "/v1/refunds"));
    expect(calls[0]).toMatchObject({ method: "DELETE", path: `/v1/subscriptions/${billing.subscriptionId}` });
    expect(calls.slice(1)).toEqual([
      expect.objectContaining({ path: "/v1/refunds", body: expect.objectContaining({ payment_intent: `pi_for_${paid2.invoiceId}`, amount: "2000" }) }),
    ]);
    await vi.waitFor(async () => expect((await db.prepaidVisit.findMany({ where: { recurringId: sub.id }, orderBy: { paidAt: "asc" } })).map((v) => v.status)).toEqual(["USED", "REFUNDED"]));
    const visits = await db.prepaidVisit.findMany({ where: { recurringId: sub.id }, orderBy: { paidAt: "asc" } });
    // Every refund gets its receipt: the expired visit's and the unused one's.
    await vi.waitFor(async () => expect(await db.emailMessage.count({ where: { dedupeKey: `receipt:prepaid_${visits[1]!.id}_refund` } })).toBe(1));
    expect((await db.emailMessage.findMany({ where: { toAddress: customer.email, kind: { in: ["receipt-refund", "receipt-visit-refund"] } } })).map((m) => m.kind).sort())
      .toEqual(["receipt-refund", "receipt-visit-refund"]);
    expect(await db.emailMessage.count({ where: { dedupeKey: `receipt:prepaid_${visits[1]!.id}_refund` } })).toBe(1);

    // An invoice that was still out when the subscription was cancelled, paid afterwards: refunded, no visit kept.
    mark = fake.requests.length;
    const late = await invoicePaid(billing.subscriptionId, 2000, sub.id);
    // The refund is owed in the event's own commit (an outbox row the relay re-queues if the worker or Redis loses
    // it), then made by the worker with its receipt: wait for them.
    expect(await db.outboxMessage.findUnique({ where: { dedupeKey: `refund-invoice-${late.invoiceId}` } }))
      .toMatchObject({ queue: "payments", kind: "refund-invoice", payload: expect.objectContaining({ invoiceId: late.invoiceId, amountCents: 2000 }) });
    await vi.waitFor(async () => expect(await db.emailMessage.count({ where: { dedupeKey: `receipt:invoice_${late.invoiceId}_refund`, toAddress: customer.email } })).toBe(1));
    expect(fake.since(mark).filter((r) => r.path === "/v1/refunds")).toEqual([
      expect.objectContaining({ idempotencyKey: `invoice_${late.invoiceId}_refund`, body: expect.objectContaining({ payment_intent: `pi_for_${late.invoiceId}`, amount: "2000" }) }),
    ]);
    expect(await db.prepaidVisit.count({ where: { invoiceRef: late.invoiceId } })).toBe(0);
    await vi.waitFor(async () => expect((await db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: `refund-invoice-${late.invoiceId}` } })).status).toBe("DONE"));
  });

  it("pauses billing with the visits (resuming two days before the first visit after the pause), and replaces it on a price change", async () => {
    const { customer, sub, billing } = await subscribe("WEEKLY", "2031-06-03");
    await invoicePaid(billing.subscriptionId, 1800);
    let mark = fake.requests.length;
    await callerFor(customer).recurring.pause({ id: sub.id, until: "2031-07-01" });
    let calls = await stripeCalls(mark, (c) => c.length > 0);
    expect(calls).toEqual([
      expect.objectContaining({
        path: `/v1/subscriptions/${billing.subscriptionId}`,
        body: expect.objectContaining({ "pause_collection[behavior]": "void", "pause_collection[resumes_at]": unix(at("2031-06-29")) }),
      }),
    ]);
    mark = fake.requests.length;
    await callerFor(customer).recurring.resume({ id: sub.id });
    calls = await stripeCalls(mark, (c) => c.length > 0);
    expect(calls).toEqual([expect.objectContaining({ path: `/v1/subscriptions/${billing.subscriptionId}`, body: { pause_collection: "" } })]);

    // A new price: the subscription is replaced, the visit paid at the old price refunded, the next one billed anew.
    const { id: _id, status: _s, nextServiceDates: _n, createdAt: _c, pausedUntil: _p, ...details } = await callerFor(customer).recurring.byId({ id: sub.id });
    mark = fake.requests.length;
    await callerFor(customer).recurring.update({ id: sub.id, data: { ...details, priceCents: 2400 } });
    calls = await stripeCalls(mark, (c) => c.length >= 5);
    const replaced = (await db.billingSubscription.findUniqueOrThrow({ where: { recurringId: sub.id } })).providerRef;
    expect(calls.map((r) => `${r.method} ${r.path}`)).toEqual([
      `DELETE /v1/subscriptions/${billing.subscriptionId}`, "POST /v1/refunds", "POST /v1/prices", "POST /v1/subscriptions", `POST /v1/subscriptions/${replaced}`,
    ]);
    expect(calls[3]!.body).toMatchObject({ "add_invoice_items[0][price_data][unit_amount]": "2400" });
    await vi.waitFor(async () => expect(await db.billingSubscription.findUniqueOrThrow({ where: { recurringId: sub.id } })).toMatchObject({ priceCents: 2400, status: "INCOMPLETE" }));
    expect((await db.prepaidVisit.findFirstOrThrow({ where: { recurringId: sub.id } })).status).toBe("REFUNDED");

    // Stripe ends the new one (its first invoice never paid): the page starts a fresh one for the customer to pay.
    const ended = (await db.billingSubscription.findUniqueOrThrow({ where: { recurringId: sub.id } })).providerRef!;
    const { eventId } = await acceptStripeEvent(db, {
      id: `evt_expired_${ended}`, type: "customer.subscription.updated", data: { object: { id: ended, object: "subscription", status: "incomplete_expired" } },
    });
    await vi.waitFor(async () => expect((await db.stripeEvent.findUniqueOrThrow({ where: { id: eventId } })).processedAt).not.toBeNull(), { timeout: 10_000 });
    expect(await db.billingSubscription.findUniqueOrThrow({ where: { recurringId: sub.id } })).toMatchObject({ status: "CANCELED" });
    expect(await callerFor(customer).recurring.paymentForm({ id: sub.id })).toEqual({ clientSecret: "in_secret_x", publishableKey: "pk_test_fake" });
    const restarted = await db.billingSubscription.findUniqueOrThrow({ where: { recurringId: sub.id } });
    expect(restarted).toMatchObject({ status: "INCOMPLETE", priceCents: 2400 });
    expect(restarted.providerRef).not.toBe(ended);
  });

  it("reminds the customer three days before each billing date, once", async () => {
    const { customer, sub } = await subscribe("WEEKLY", "2031-08-05", 2500);
    await db.billingSubscription.update({ where: { recurringId: sub.id }, data: { status: "ACTIVE" } });
    // Billing dates: 2031-08-11 (the anchor), 08-18, 08-25 …
    const reminders = () => db.notification.findMany({ where: { userId: customer.id, kind: "reminder.renewal" } });
    expect(await sendRenewalReminders(db, { now: at("2031-08-07", "15:00") })).toMatchObject({ billingDate: "2031-08-10", reminded: 0 });
    expect(await sendRenewalReminders(db, { now: at("2031-08-08", "15:00") })).toMatchObject({ billingDate: "2031-08-11", reminded: 1 });
    await sendRenewalReminders(db, { now: at("2031-08-08", "15:00") });
    expect(await sendRenewalReminders(db, { now: at("2031-08-15", "15:00") })).toMatchObject({ billingDate: "2031-08-18", reminded: 1 });
    expect((await reminders()).map((n) => n.eventKey).sort()).toEqual([
      `reminder.renewal:${sub.id}:2031-08-11`, `reminder.renewal:${sub.id}:2031-08-18`,
    ]);
    // Paused through the next billing date: no reminder for a charge that will not happen.
    await db.recurringCleanup.update({ where: { id: sub.id }, data: { status: "PAUSED", pausedUntil: toDbDate("2031-09-09") } });
    expect(await sendRenewalReminders(db, { now: at("2031-08-22", "15:00") })).toMatchObject({ billingDate: "2031-08-25", reminded: 0 });
    expect(addDays("2031-08-22", 3)).toBe("2031-08-25");
  });
});

describe("a posted job with Stripe", () => {
  it("waits AWAITING_PAYMENT, unseen, until the card is confirmed, then opens", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER"]);
    const posted = await callerFor(customer, uniqueIpHeaders()).jobs.post(validJobInput);
    expect(posted).toMatchObject({ status: "AWAITING_PAYMENT", payment: { clientSecret: "pi_secret_x", publishableKey: "pk_test_fake" } });
    await expectAppError(callerFor(scooper).jobs.byId({ jobId: posted.id }), "NOT_FOUND");
    expect(await callerFor(customer).jobs.paymentForm({ jobId: posted.id })).toEqual({ clientSecret: "pi_secret_x", publishableKey: "pk_test_fake" });
    const other = await createUser(["CUSTOMER"]);
    await expectAppError(callerFor(other).jobs.confirmPayment({ jobId: posted.id }), "NOT_FOUND");
    await expectAppError(callerFor(scooper).jobs.confirmPayment({ jobId: posted.id }), "FORBIDDEN");

    // The browser has not confirmed yet: Stripe says so, and nothing changes.
    const payment = await db.payment.findUniqueOrThrow({ where: { jobId: posted.id } });
    // A first card is declined in the form: the payment keeps waiting for another one, with the reason.
    const declined = await acceptStripeEvent(db, {
      id: `evt_declined_${posted.id}`, type: "payment_intent.payment_failed",
      data: { object: { id: payment.providerRef, object: "payment_intent", last_payment_error: { message: "Your card was declined." } } },
    });
    await vi.waitFor(async () => expect((await db.stripeEvent.findUniqueOrThrow({ where: { id: declined.eventId } })).processedAt).not.toBeNull(), { timeout: 10_000 });
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: posted.id } })).toMatchObject({ status: "PENDING", failureReason: "Your card was declined." });
    fake.intentStatus.set(payment.providerRef!, "requires_payment_method");
    await expectAppError(callerFor(customer).jobs.confirmPayment({ jobId: posted.id }), "PRECONDITION_FAILED");
    expect((await db.cleanupJob.findUniqueOrThrow({ where: { id: posted.id } })).status).toBe("AWAITING_PAYMENT");

    fake.intentStatus.set(payment.providerRef!, "requires_capture");
    expect(await callerFor(customer).jobs.confirmPayment({ jobId: posted.id })).toEqual({ status: "OPEN" });
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: posted.id } })).toMatchObject({ status: "AUTHORIZED", failureReason: null });
    expect(await callerFor(scooper).jobs.byId({ jobId: posted.id })).toMatchObject({ status: "OPEN" });
    // A second confirmation (or the webhook after it) changes nothing.
    expect(await callerFor(customer).jobs.confirmPayment({ jobId: posted.id })).toEqual({ status: "OPEN" });
    expect(await db.jobEvent.count({ where: { jobId: posted.id, type: "posted" } })).toBe(1);
  });

  it("opens on Stripe's webhook, and a job never paid is cancelled after the payment window with its intent cancelled", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const byWebhook = await callerFor(customer, uniqueIpHeaders()).jobs.post(validJobInput);
    const intent = (await db.payment.findUniqueOrThrow({ where: { jobId: byWebhook.id } })).providerRef!;
    await acceptStripeEvent(db, { id: `evt_cap_${intent}`, type: "payment_intent.amount_capturable_updated", data: { object: { id: intent, object: "payment_intent" } } });
    await jobStatus(byWebhook.id, "OPEN");

    const unpaid = await callerFor(customer, uniqueIpHeaders()).jobs.post(validJobInput);
    const unpaidIntent = (await db.payment.findUniqueOrThrow({ where: { jobId: unpaid.id } })).providerRef!;
    expect(await cancelOverduePayments(db, new Date(Date.now() + (env.PAYMENT_WINDOW_MINUTES - 1) * 60_000))).toMatchObject({ cancelled: 0 });
    expect(await cancelOverduePayments(db, new Date(Date.now() + (env.PAYMENT_WINDOW_MINUTES + 1) * 60_000))).toMatchObject({ cancelled: 1 });
    await jobStatus(unpaid.id, "CANCELLED");
    await vi.waitFor(async () => expect((await db.payment.findUniqueOrThrow({ where: { jobId: unpaid.id } })).status).toBe("VOIDED"), { timeout: 10_000, interval: 50 });
    expect(fake.requests.some((r) => r.path === `/v1/payment_intents/${unpaidIntent}/cancel`)).toBe(true);
    expect((await db.cleanupJob.findUniqueOrThrow({ where: { id: byWebhook.id } })).status).toBe("OPEN");
  });
});

describe("payouts owed before onboarding", () => {
  it("transfers what a scooper earned before their account could take payouts, once, less refunds", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER"]);
    const provider = moneyRooms(paymentsContext());
    const posted = await callerFor(customer, uniqueIpHeaders()).jobs.post({ ...validJobInput, priceCents: 2000 });
    await provider.confirmJobAuthorization({ jobId: posted.id }); // the fake says requires_capture
    await db.cleanupJob.update({ where: { id: posted.id }, data: { status: "COMPLETED", scooperId: scooper.id } });
    let mark = fake.requests.length;
    await provider.captureJobPayment({ jobId: posted.id });
    await provider.refundJobPayment({ jobId: posted.id, amountCents: 500, reason: "ADMIN" });
    await db.cleanupJob.update({ where: { id: posted.id }, data: { status: "CONFIRMED" } });
    await provider.recordTip({ jobId: posted.id, tipCents: 300 });
    // No account yet: captured, refunded and tipped, nothing transferred or reversed.
    expect(fake.since(mark).filter((r) => r.path.startsWith("/v1/transfers"))).toEqual([]);

    await db.payoutAccount.create({ data: { userId: scooper.id, provider: "stripe", providerRef: `acct_owed_${scooper.id}` } });
    const ready = (n: number) =>
      acceptStripeEvent(db, {
        id: `evt_acct_${scooper.id}_${n}`, type: "account.updated",
        data: { object: { id: `acct_owed_${scooper.id}`, object: "account", payouts_enabled: true, details_submitted: true } },
      });
    mark = fake.requests.length;
    await ready(1);
    // The payout and the tip are transferred one after the other: wait for both.
    const calls = await stripeCalls(mark, (c) => c.filter((r) => r.path === "/v1/transfers").length >= 2);
    // $20.00 job: $17.00 payout, less $4.25 of the $5.00 refund → $12.75; and the whole $3.00 tip.
    expect(calls.filter((r) => r.path === "/v1/transfers")).toEqual([
      expect.objectContaining({
        idempotencyKey: `job_${posted.id}_owed_transfer`,
        body: expect.objectContaining({ amount: "1275", destination: `acct_owed_${scooper.id}`, "metadata[step]": "owed" }),
      }),
      expect.objectContaining({
        idempotencyKey: `job_${posted.id}_tip_owed_transfer`,
        body: expect.objectContaining({ amount: "300", destination: `acct_owed_${scooper.id}`, "metadata[step]": "tip_owed" }),
      }),
    ]);
    await vi.waitFor(async () => expect((await db.payment.findUniqueOrThrow({ where: { jobId: posted.id } })).tipTransferRef).toMatch(/^tr_/));
    await vi.waitFor(async () => expect((await db.payment.findUniqueOrThrow({ where: { jobId: posted.id } })).transferRef).toMatch(/^tr_/));
    expect(await db.payoutAccount.findUniqueOrThrow({ where: { userId: scooper.id } })).toMatchObject({ payoutsEnabled: true });

    // Told again: nothing is owed any more.
    mark = fake.requests.length;
    const again = await ready(2);
    await vi.waitFor(async () => expect((await db.stripeEvent.findUniqueOrThrow({ where: { id: again.eventId } })).processedAt).not.toBeNull(), { timeout: 10_000 });
    expect(await provider.payOwedPayouts({ scooperId: scooper.id })).toEqual({ transferred: 0, amountCents: 0 });
    expect(fake.since(mark).filter((r) => r.path === "/v1/transfers")).toEqual([]);
  });
});

describe("a tip paid straight into the scooper's account", () => {
  it("stays paid when the process dies right after booking it: no second transfer later", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER"]);
    await db.payoutAccount.create({ data: { userId: scooper.id, provider: "stripe", providerRef: `acct_tip_${scooper.id}`, payoutsEnabled: true, detailsSubmitted: true } });
    const provider = moneyRooms(paymentsContext());
    const posted = await callerFor(customer, uniqueIpHeaders()).jobs.post({ ...validJobInput, priceCents: 2000 });
    await provider.confirmJobAuthorization({ jobId: posted.id });
    await db.cleanupJob.update({ where: { id: posted.id }, data: { status: "COMPLETED", scooperId: scooper.id } });
    await provider.captureJobPayment({ jobId: posted.id });
    await db.cleanupJob.update({ where: { id: posted.id }, data: { status: "CONFIRMED" } });

    // The process "dies" after the tip's booking commits: any later statement that would mark the tip as paid on
    // its own fails, as a write that never happened.
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_tip_crash() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'the process died here'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER test_tip_crash BEFORE UPDATE ON "Payment" FOR EACH ROW
      WHEN (OLD."jobId" = '${posted.id}' AND OLD."tipCents" > 0 AND NEW."tipTransferRef" IS DISTINCT FROM OLD."tipTransferRef")
      EXECUTE FUNCTION test_tip_crash()`);
    try {
      await provider.recordTip({ jobId: posted.id, tipCents: 300 }).catch(() => null);
      // The retry (the outbox redelivers the step) finds the tip booked.
      await provider.recordTip({ jobId: posted.id, tipCents: 300 });
      expect(await db.payment.findUniqueOrThrow({ where: { jobId: posted.id } })).toMatchObject({ tipCents: 300, tipTransferRef: expect.any(String) });

      const mark = fake.requests.length;
      expect(await provider.payOwedPayouts({ scooperId: scooper.id })).toEqual({ transferred: 0, amountCents: 0 });
      expect(fake.since(mark).filter((r) => r.path === "/v1/transfers")).toEqual([]);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_tip_crash ON "Payment"`);
    }
  });
});

describe("generated visits while the worker is down", () => {
  it("are not cancelled for non-payment while the worker still owes their authorization, until they would have expired", async () => {
    const a = await subscribe("WEEKLY", "2031-07-01", 1800);
    const b = await subscribe("WEEKLY", "2031-07-01", 1800);
    await invoicePaid(a.billing.subscriptionId, 1800, a.sub.id);
    await invoicePaid(b.billing.subscriptionId, 1800, b.sub.id);
    // The worker stops taking jobs: the day's authorizations stay owed (PENDING outbox rows).
    await Promise.all(worker.workers.map((w) => w.pause()));
    let jobA = "";
    try {
      const run = await generateDueRecurringJobs(db, { now: at("2031-07-01") });
      expect(run).toMatchObject({ generated: 2, failed: 0 });
      const jobOf = (recurringId: string) => run.jobs.find((j) => j.subscriptionId === recurringId)!.jobId;
      jobA = jobOf(a.sub.id);
      const jobB = jobOf(b.sub.id);
      expect(await db.outboxMessage.count({ where: { dedupeKey: { in: [`settle-authorize-${jobA}`, `settle-authorize-${jobB}`] }, status: "PENDING" } })).toBe(2);
      // B has waited longer than a job's whole life (the worker down for a day): it goes; A only waited on the worker.
      await db.cleanupJob.update({ where: { id: jobB }, data: { createdAt: new Date(Date.now() - 25 * 3600_000) } });
      const sweep = await cancelOverduePayments(db, new Date(Date.now() + (env.PAYMENT_WINDOW_MINUTES + 1) * 60_000));
      expect(sweep).toEqual({ cancelled: 1, failed: 0 });
      expect((await db.cleanupJob.findUniqueOrThrow({ where: { id: jobA } })).status).toBe("AWAITING_PAYMENT");
      expect((await db.cleanupJob.findUniqueOrThrow({ where: { id: jobB } })).status).toBe("CANCELLED");
    } finally {
      for (const w of worker.workers) w.resume();
    }
    // The worker is back: A is funded from its prepaid visit and opens.
    await jobStatus(jobA, "OPEN");
  });
});
