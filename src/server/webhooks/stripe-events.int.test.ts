import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const SECRET = vi.hoisted(() => (process.env.STRIPE_WEBHOOK_SECRET = "whsec_test_secret_0123456789"));

import Stripe from "stripe";
import { db } from "@/server/db";
import { createOpenJob, createUser } from "@/test/factories";
import { startWorker, type RunningWorker } from "../../../worker/worker";
import { POST } from "../../app/api/webhooks/stripe/route";
import { bookAuthorization } from "@/server/payments/payment-book";
import { paymentKeys } from "@/server/payments/types";
import { processStripeEvent } from "./stripe-events";

let worker: RunningWorker;
beforeAll(async () => {
  worker = await startWorker({ queues: ["payments"], schedules: false });
});
afterAll(async () => {
  await Promise.all(worker.workers.map((w) => w.close()));
});

let seq = 0;
function event(type: string, object: Record<string, unknown>) {
  return { id: `evt_${Date.now()}_${++seq}`, object: "event", type, api_version: "2026-08-26.dahlia", created: 1, livemode: false, data: { object } };
}

function deliver(payload: string, signature?: string) {
  const sig = signature ?? Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
  return POST(new Request("http://localhost/api/webhooks/stripe", { method: "POST", headers: { "stripe-signature": sig, "content-type": "application/json" }, body: payload }));
}

async function processed(stripeId: string) {
  await vi.waitFor(async () => expect((await db.stripeEvent.findUniqueOrThrow({ where: { stripeId } })).processedAt).not.toBeNull(), { timeout: 10_000, interval: 50 });
}

async function pendingStripePayment(amountCents = 2000) {
  const customer = await createUser(["CUSTOMER"]);
  const job = await createOpenJob(customer.id, { priceCents: amountCents });
  const providerRef = `pi_${job.id}`;
  await db.$transaction((tx) =>
    bookAuthorization(tx, { idempotencyKey: paymentKeys.authorize(job.id), jobId: job.id, customerId: customer.id, amountCents, provider: "stripe", status: "PENDING", providerRef }),
  );
  return { job, providerRef };
}

describe("Stripe webhooks", () => {
  it("stores and applies an event delivered twice exactly once", async () => {
    const { job, providerRef } = await pendingStripePayment();
    const payload = JSON.stringify(event("payment_intent.amount_capturable_updated", { id: providerRef, object: "payment_intent" }));
    const first = await deliver(payload);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, duplicate: false });
    const second = await deliver(payload);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ received: true, duplicate: true });

    const stripeId = (JSON.parse(payload) as { id: string }).id;
    expect(await db.stripeEvent.count({ where: { stripeId } })).toBe(1);
    await processed(stripeId);
    const row = await db.stripeEvent.findUniqueOrThrow({ where: { stripeId } });
    // A third delivery after processing and a direct re-run both change nothing.
    expect((await deliver(payload)).status).toBe(200);
    expect(await processStripeEvent(db, row.id)).toBe("already-processed");

    expect(await db.payment.findUniqueOrThrow({ where: { jobId: job.id } })).toMatchObject({ status: "AUTHORIZED" });
    // The hold was written once: the authorization (no entries while pending) and the confirmation.
    expect(await db.ledgerTransaction.count({ where: { jobId: job.id } })).toBe(2);
    expect(await db.ledgerEntry.count({ where: { transaction: { jobId: job.id } } })).toBe(2);
  });

  it("refuses a bad or missing signature with 400 and stores nothing", async () => {
    const payload = JSON.stringify(event("account.updated", { id: "acct_x", payouts_enabled: true }));
    const stripeId = (JSON.parse(payload) as { id: string }).id;
    const wrongSecret = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_someone_else" });
    expect((await deliver(payload, wrongSecret)).status).toBe(400);
    const tampered = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    expect((await deliver(payload.replace("true", "false"), tampered)).status).toBe(400);
    const noHeader = await POST(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: payload }));
    expect(noHeader.status).toBe(400);
    expect(await db.stripeEvent.count({ where: { stripeId } })).toBe(0);
  });

  it("marks a failed payment, updates a scooper's payout flag and a subscription's invoice state", async () => {
    const { job, providerRef } = await pendingStripePayment();
    const scooper = await createUser(["SCOOPER"]);
    await db.payoutAccount.create({ data: { userId: scooper.id, provider: "stripe", providerRef: `acct_${scooper.id}` } });
    await db.billingSubscription.create({ data: { recurringId: `rec_${scooper.id}`, provider: "stripe", status: "INCOMPLETE", providerRef: `sub_${scooper.id}` } });

    const events = [
      event("payment_intent.payment_failed", { id: providerRef, last_payment_error: { message: "Your card was declined." } }),
      event("account.updated", { id: `acct_${scooper.id}`, payouts_enabled: true, details_submitted: true }),
      event("invoice.payment_failed", { id: "in_1", parent: { subscription_details: { subscription: `sub_${scooper.id}` } } }),
    ];
    for (const e of events) expect((await deliver(JSON.stringify(e))).status).toBe(200);
    for (const e of events) await processed(e.id);

    // Declined in the card form: still PENDING (another card may follow), with the reason kept.
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: job.id } })).toMatchObject({ status: "PENDING", failureReason: "Your card was declined." });
    expect(await db.payoutAccount.findUniqueOrThrow({ where: { userId: scooper.id } })).toMatchObject({ payoutsEnabled: true, detailsSubmitted: true });
    expect(await db.billingSubscription.findUniqueOrThrow({ where: { recurringId: `rec_${scooper.id}` } })).toMatchObject({ status: "PAST_DUE", lastInvoiceRef: "in_1" });

    const paid = event("invoice.paid", { id: "in_2", subscription: `sub_${scooper.id}` });
    expect((await deliver(JSON.stringify(paid))).status).toBe(200);
    await processed(paid.id);
    expect(await db.billingSubscription.findUniqueOrThrow({ where: { recurringId: `rec_${scooper.id}` } })).toMatchObject({ status: "ACTIVE", lastInvoiceStatus: "paid" });
  });
});
