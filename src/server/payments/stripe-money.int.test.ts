import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/env";
import { zonedTime } from "@/lib/schedules";
import { db } from "@/server/db";
import { createOpenJob, createUser } from "@/test/factories";
import { startFakeStripe } from "@/test/fake-stripe";
import { stripeMoney } from "@/test/payments";
import { createStripeClient } from "./stripe/client";

let fake: Awaited<ReturnType<typeof startFakeStripe>>;
let provider: ReturnType<typeof stripeMoney>;

beforeAll(async () => {
  fake = await startFakeStripe();
  provider = stripeMoney(db, createStripeClient("sk_test_fake", fake.url));
});
afterAll(() => fake.close());

async function claimedJobWithOnboardedScooper(priceCents = 2000) {
  const customer = await createUser(["CUSTOMER"]);
  const scooper = await createUser(["SCOOPER"]);
  const job = await createOpenJob(customer.id, { priceCents });
  const link = await provider.createPayoutAccountLink({ scooperId: scooper.id });
  await db.cleanupJob.update({ where: { id: job.id }, data: { scooperId: scooper.id, status: "CLAIMED" } });
  const account = await db.payoutAccount.findUniqueOrThrow({ where: { userId: scooper.id } });
  return { customer, scooper, job, link, account };
}

describe("job money steps, billing and payouts with the Stripe gateway (against a fake Stripe API)", () => {
  it("authorizes with manual capture, captures, transfers the payout, refunds and reverses, each with its key", async () => {
    const { customer, job, link, account } = await claimedJobWithOnboardedScooper(2000);
    expect(link).toEqual({ status: "onboarding", url: "https://connect.stripe.test/setup/s/abc" });
    expect(account).toMatchObject({ provider: "stripe", providerRef: expect.stringMatching(/^acct_/), payoutsEnabled: false });
    const onboarding = fake.requests.filter((r) => r.path === "/v1/accounts" || r.path === "/v1/account_links").slice(-2);
    expect(onboarding[0]!.body).toMatchObject({ type: "express", "capabilities[transfers][requested]": "true" });
    expect(onboarding[1]!.body).toMatchObject({ account: account.providerRef, type: "account_onboarding" });

    let mark = fake.requests.length;
    const auth = await provider.authorizeJobPayment({ jobId: job.id, customerId: customer.id, amountCents: 2000, paymentMethodId: "pm_card" });
    expect(auth).toMatchObject({ status: "AUTHORIZED", replayed: false });
    const [createCustomer, createIntent] = fake.since(mark);
    expect(createCustomer).toMatchObject({ method: "POST", path: "/v1/customers", idempotencyKey: `user_${customer.id}_customer` });
    expect(createIntent).toMatchObject({
      method: "POST", path: "/v1/payment_intents", idempotencyKey: `job_${job.id}_authorize`,
      body: expect.objectContaining({ amount: "2000", currency: "usd", capture_method: "manual", payment_method: "pm_card", confirm: "true", "metadata[jobId]": job.id }),
    });
    const payment = await db.payment.findUniqueOrThrow({ where: { jobId: job.id } });
    expect(payment).toMatchObject({ provider: "stripe", status: "AUTHORIZED", providerRef: expect.stringMatching(/^pi_/) });

    mark = fake.requests.length;
    await provider.captureJobPayment({ jobId: job.id });
    const [capture, transfer] = fake.since(mark);
    expect(capture).toMatchObject({ method: "POST", path: `/v1/payment_intents/${payment.providerRef}/capture`, idempotencyKey: `job_${job.id}_capture` });
    expect(capture!.body.amount_to_capture).toBeUndefined();
    expect(transfer).toMatchObject({
      path: "/v1/transfers", idempotencyKey: `job_${job.id}_capture_transfer`,
      body: expect.objectContaining({ amount: "1700", currency: "usd", destination: account.providerRef, source_transaction: `ch_for_${payment.providerRef}`, transfer_group: `job_${job.id}` }),
    });
    const captured = await db.payment.findUniqueOrThrow({ where: { jobId: job.id } });
    expect(captured).toMatchObject({ status: "CAPTURED", platformFeeCents: 300, scooperPayoutCents: 1700, transferRef: expect.stringMatching(/^tr_/) });

    // A repeated capture is answered from the database: Stripe sees nothing.
    mark = fake.requests.length;
    expect((await provider.captureJobPayment({ jobId: job.id })).replayed).toBe(true);
    expect(fake.since(mark)).toEqual([]);

    mark = fake.requests.length;
    await provider.refundJobPayment({ jobId: job.id, amountCents: 500, reason: "DISPUTE_PARTIAL_REFUND" });
    const [refund, reversal] = fake.since(mark);
    expect(refund).toMatchObject({
      path: "/v1/refunds", idempotencyKey: `job_${job.id}_refund_1`,
      body: expect.objectContaining({ payment_intent: payment.providerRef, amount: "500", "metadata[reason]": "DISPUTE_PARTIAL_REFUND" }),
    });
    expect(reversal).toMatchObject({ path: `/v1/transfers/${captured.transferRef}/reversals`, idempotencyKey: `job_${job.id}_refund_1_reversal`, body: expect.objectContaining({ amount: "425" }) });
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: job.id } })).toMatchObject({ status: "PARTIALLY_REFUNDED", refundedCents: 500 });

    // The ledger records the same movements as the built-in provider.
    const sums = await db.ledgerEntry.groupBy({ by: ["transactionId"], where: { transaction: { jobId: job.id } }, _sum: { amountCents: true } });
    expect(sums).toHaveLength(3);
    expect(sums.every((s) => s._sum.amountCents === 0)).toBe(true);
  });

  it("charges only the cancellation fee with amount_to_capture and transfers it to the scooper", async () => {
    const { customer, scooper, job, account } = await claimedJobWithOnboardedScooper(2000);
    await provider.authorizeJobPayment({ jobId: job.id, customerId: customer.id, amountCents: 2000, paymentMethodId: "pm_card" });
    const mark = fake.requests.length;
    const result = await provider.settleCancellationFee({ jobId: job.id, scooperId: scooper.id });
    expect(result).toMatchObject({ kind: "cancellation-fee", amountCents: 400 });
    const [capture, transfer] = fake.since(mark);
    expect(capture).toMatchObject({ path: expect.stringMatching(/\/capture$/), idempotencyKey: `job_${job.id}_cancellation_fee`, body: { amount_to_capture: "400" } });
    expect(transfer).toMatchObject({ path: "/v1/transfers", idempotencyKey: `job_${job.id}_cancellation_fee_transfer`, body: expect.objectContaining({ amount: "400", destination: account.providerRef }) });
  });

  it("voids with a cancel request, and leaves a PENDING authorization for the browser to confirm", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const job = await createOpenJob(customer.id);
    await provider.authorizeJobPayment({ jobId: job.id, customerId: customer.id, amountCents: 1500, paymentMethodId: "pm_card" });
    const mark = fake.requests.length;
    expect(await provider.voidJobPayment({ jobId: job.id })).toMatchObject({ status: "VOIDED" });
    expect(fake.since(mark)).toEqual([expect.objectContaining({ method: "POST", path: expect.stringMatching(/^\/v1\/payment_intents\/pi_\d+\/cancel$/), idempotencyKey: `job_${job.id}_void` })]);
  });

  it("bills a recurring cleanup with a Subscription at its real interval, anchored before the second visit", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const recurring = await db.recurringCleanup.create({
      data: {
        customerId: customer.id, frequency: "BIWEEKLY", firstServiceDate: new Date("2031-01-07"), priceCents: 1800, address: "12 Garden Pl",
        lat: 40.69, lng: -73.99, type: "POOP", yardSegments: ["N"],
      },
    });
    const mark = fake.requests.length;
    const billing = await provider.createSubscriptionBilling({ recurringId: recurring.id });
    expect(billing).toMatchObject({ mode: "subscription", status: "INCOMPLETE", clientSecret: "in_secret_x" });
    const [, price, subscription] = fake.since(mark);
    const version = "biweekly_1800_2031-01-07_after_none";
    expect(price).toMatchObject({
      path: "/v1/prices", idempotencyKey: `recurring_${recurring.id}_price_${version}`,
      body: expect.objectContaining({ unit_amount: "1800", currency: "usd", "recurring[interval]": "week", "recurring[interval_count]": "2" }),
    });
    // Visits 2031-01-07 and 2031-01-21: the first is charged now, the cycle starts the day before the second.
    const anchor = zonedTime("2031-01-20", env.RECURRING_GENERATION_TIME, env.APP_TIMEZONE);
    expect(subscription).toMatchObject({
      path: "/v1/subscriptions", idempotencyKey: `recurring_${recurring.id}_subscription_${version}`,
      body: expect.objectContaining({
        "items[0][price]": expect.stringMatching(/^price_/), billing_cycle_anchor: String(anchor.getTime() / 1000), proration_behavior: "none",
        payment_behavior: "default_incomplete", "add_invoice_items[0][price_data][unit_amount]": "1800",
        "add_invoice_items[0][price_data][product]": expect.stringMatching(/^prod_/),
      }),
    });
    expect(await db.billingSubscription.findUniqueOrThrow({ where: { recurringId: recurring.id } })).toMatchObject({ status: "INCOMPLETE", billingAnchorAt: anchor });
    await provider.cancelSubscriptionBilling({ recurringId: recurring.id });
    expect(fake.requests.at(-1)).toMatchObject({ method: "DELETE", path: `/v1/subscriptions/${(billing as { subscriptionId: string }).subscriptionId}` });
    expect(await db.billingSubscription.findUniqueOrThrow({ where: { recurringId: recurring.id } })).toMatchObject({ status: "CANCELED" });
  });

  it("sends an idempotency key with every write", () => {
    const writes = fake.requests.filter((r) => r.method !== "GET");
    expect(writes.length).toBeGreaterThan(10);
    expect(writes.filter((r) => !r.idempotencyKey)).toEqual([]);
  });
});
