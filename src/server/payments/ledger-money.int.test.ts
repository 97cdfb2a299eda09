import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { createOpenJob, createUser } from "@/test/factories";
import { accounts, balancedLines, postLedgerTransaction } from "./ledger";
import { ledgerMoney } from "@/test/payments";
import type { PaymentResult } from "./types";

const provider = ledgerMoney(db);

async function postedJob(priceCents = 2000) {
  const customer = await createUser(["CUSTOMER"]);
  const scooper = await createUser(["SCOOPER"]);
  const job = await createOpenJob(customer.id, { priceCents });
  await provider.authorizeJobPayment({ jobId: job.id, customerId: customer.id, amountCents: priceCents });
  return { customer, scooper, job };
}

async function claimedJob(priceCents = 2000) {
  const posted = await postedJob(priceCents);
  await db.cleanupJob.update({ where: { id: posted.job.id }, data: { scooperId: posted.scooper.id, status: "CLAIMED" } });
  return posted;
}

/** Net movement of each account through one job's ledger transactions. */
async function movements(jobId: string, customerId: string, scooperId: string) {
  const entries = await db.ledgerEntry.findMany({ where: { transaction: { jobId } }, select: { accountId: true, amountCents: true } });
  const sum = (key: string) => entries.filter((e) => e.accountId === key).reduce((acc, e) => acc + e.amountCents, 0);
  return {
    customerFunding: sum(accounts.customerFunding(customerId).key),
    customerHeld: sum(accounts.customerHeld(customerId).key),
    platform: sum(accounts.platformRevenue().key),
    scooper: sum(accounts.scooperPayable(scooperId).key),
  };
}

async function ledgerSnapshot(jobId: string) {
  return {
    transactions: await db.ledgerTransaction.count({ where: { jobId } }),
    entries: await db.ledgerEntry.count({ where: { transaction: { jobId } } }),
    operations: await db.paymentOperation.count({ where: { payment: { jobId } } }),
    payment: await db.payment.findUniqueOrThrow({ where: { jobId } }),
  };
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
}

describe("ledger provider", () => {
  it("balances over a job's whole life: charge = scooper payout + platform fee + refunds", async () => {
    const { customer, scooper, job } = await claimedJob(2000);
    expect(await movements(job.id, customer.id, scooper.id)).toEqual({ customerFunding: -2000, customerHeld: 2000, platform: 0, scooper: 0 });

    const capture = await provider.captureJobPayment({ jobId: job.id });
    expect(capture).toMatchObject({ kind: "capture", status: "CAPTURED", amountCents: 2000, replayed: false });
    expect(await movements(job.id, customer.id, scooper.id)).toEqual({ customerFunding: -2000, customerHeld: 0, platform: 300, scooper: 1700 });

    const refund = await provider.refundJobPayment({ jobId: job.id, amountCents: 500, reason: "DISPUTE_PARTIAL_REFUND" });
    expect(refund).toMatchObject({ kind: "refund", status: "PARTIALLY_REFUNDED", amountCents: 500 });
    const after = await movements(job.id, customer.id, scooper.id);
    // The partial refund moves exactly 500: 75 of the fee and 425 of the payout back to the customer.
    expect(after).toEqual({ customerFunding: -1500, customerHeld: 0, platform: 225, scooper: 1275 });
    expect(-after.customerFunding + 500).toBe(after.scooper + after.platform + 500);
    expect(-after.customerFunding).toBe(after.scooper + after.platform);

    const payment = await db.payment.findUniqueOrThrow({ where: { jobId: job.id } });
    expect(payment).toMatchObject({ status: "PARTIALLY_REFUNDED", capturedCents: 2000, refundedCents: 500, platformFeeCents: 300, scooperPayoutCents: 1700, scooperId: scooper.id });

    // One receipt per charge and per refund, to the poster.
    const receipts = await db.emailMessage.findMany({ where: { dedupeKey: { in: [`receipt:${capture.operationId}`, `receipt:${refund.operationId}`] } } });
    expect(receipts.map((r) => [r.kind, r.toAddress]).sort()).toEqual([["receipt-capture", customer.email], ["receipt-refund", customer.email]]);
    expect(receipts.find((r) => r.kind === "receipt-refund")!.text).toContain("$5.00");
  });

  it("a full refund returns everything: fee and payout go back to zero", async () => {
    const { customer, scooper, job } = await claimedJob(1999);
    await provider.captureJobPayment({ jobId: job.id });
    await provider.refundJobPayment({ jobId: job.id, amountCents: 1000, reason: "ADMIN", refundNo: 1 });
    await expectAppError(provider.refundJobPayment({ jobId: job.id, amountCents: 1000, reason: "ADMIN", refundNo: 2 }), "BAD_REQUEST");
    const last = await provider.refundJobPayment({ jobId: job.id, amountCents: 999, reason: "DISPUTE_FULL_REFUND", refundNo: 2 });
    expect(last.status).toBe("REFUNDED");
    expect(await movements(job.id, customer.id, scooper.id)).toEqual({ customerFunding: 0, customerHeld: 0, platform: 0, scooper: 0 });
  });

  it("every ledger transaction sums to zero, and an unbalanced one is refused before anything is written", async () => {
    const { job } = await claimedJob(1234);
    await provider.captureJobPayment({ jobId: job.id });
    await provider.recordTip({ jobId: job.id, tipCents: 250 });
    await provider.refundJobPayment({ jobId: job.id, amountCents: 333, reason: "ADMIN" });
    const voided = await postedJob(777);
    await provider.voidJobPayment({ jobId: voided.job.id });

    const sums = await db.ledgerEntry.groupBy({ by: ["transactionId"], _sum: { amountCents: true } });
    expect(sums.length).toBe(await db.ledgerTransaction.count());
    expect(sums.length).toBeGreaterThanOrEqual(6);
    expect(sums.filter((s) => s._sum.amountCents !== 0)).toEqual([]);

    const before = await db.ledgerTransaction.count();
    const lines = [
      { account: accounts.platformRevenue(), amountCents: 100 },
      { account: accounts.customerFunding(voided.customer.id), amountCents: -99 },
    ];
    expect(() => balancedLines(lines)).toThrow(/does not balance/);
    await expect(postLedgerTransaction(db, { kind: "test", jobId: null, operationId: null, lines })).rejects.toThrow(/does not balance/);
    expect(() => balancedLines([{ account: accounts.platformRevenue(), amountCents: 0.5 }, { account: accounts.platformRevenue(), amountCents: -0.5 }])).toThrow(/whole cents/);
    expect(await db.ledgerTransaction.count()).toBe(before);
  });

  it("a job cancelled while claimed pays exactly the 20% fee to the scooper and releases the rest", async () => {
    const { customer, scooper, job } = await claimedJob(2000);
    const result = await provider.settleCancellationFee({ jobId: job.id, scooperId: scooper.id });
    expect(result).toMatchObject({ kind: "cancellation-fee", status: "CAPTURED", amountCents: 400 });
    expect(await movements(job.id, customer.id, scooper.id)).toEqual({ customerFunding: -400, customerHeld: 0, platform: 0, scooper: 400 });
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: job.id } })).toMatchObject({ capturedCents: 400, platformFeeCents: 0, scooperPayoutCents: 400 });
    // Nothing else can move the money any more.
    await expectAppError(provider.captureJobPayment({ jobId: job.id }), "CONFLICT");
    await expectAppError(provider.voidJobPayment({ jobId: job.id }), "CONFLICT");
    expect(await db.emailMessage.count({ where: { dedupeKey: `receipt:${result.operationId}` } })).toBe(1);
  });

  it("voids an open job's hold, after which it cannot be captured", async () => {
    const { customer, scooper, job } = await postedJob(1500);
    expect(await provider.voidJobPayment({ jobId: job.id })).toMatchObject({ kind: "void", status: "VOIDED", amountCents: 1500 });
    expect(await movements(job.id, customer.id, scooper.id)).toEqual({ customerFunding: 0, customerHeld: 0, platform: 0, scooper: 0 });
    await db.cleanupJob.update({ where: { id: job.id }, data: { scooperId: scooper.id } });
    await expectAppError(provider.captureJobPayment({ jobId: job.id }), "CONFLICT");
    await expectAppError(provider.refundJobPayment({ jobId: job.id, amountCents: 100, reason: "ADMIN" }), "CONFLICT");
  });

  it("repeating any call with the same idempotency key changes nothing and returns the first result", async () => {
    const { customer, scooper, job } = await claimedJob(2000);
    const again = await provider.authorizeJobPayment({ jobId: job.id, customerId: customer.id, amountCents: 2000 });
    expect(again.replayed).toBe(true);

    const steps: [string, () => Promise<PaymentResult>][] = [
      ["capture", () => provider.captureJobPayment({ jobId: job.id })],
      ["refund", () => provider.refundJobPayment({ jobId: job.id, amountCents: 300, reason: "ADMIN" })],
      ["tip", () => provider.recordTip({ jobId: job.id, tipCents: 200 })],
    ];
    for (const [name, step] of steps) {
      const first = await step();
      const snapshot = await ledgerSnapshot(job.id);
      const second = await step();
      expect(second, name).toEqual({ ...first, replayed: true });
      expect(await ledgerSnapshot(job.id), name).toEqual(snapshot);
    }
    expect(await movements(job.id, customer.id, scooper.id)).toEqual({ customerFunding: -1900, customerHeld: 0, platform: 255, scooper: 1645 });
    // A repeated charge never sends a second receipt.
    expect(await db.emailMessage.count({ where: { userId: customer.id, kind: { startsWith: "receipt-" } } })).toBe(3);

    const open = await postedJob(900);
    const voided = await provider.voidJobPayment({ jobId: open.job.id });
    expect(await provider.voidJobPayment({ jobId: open.job.id })).toEqual({ ...voided, replayed: true });
    expect(await db.ledgerTransaction.count({ where: { jobId: open.job.id } })).toBe(2);
  });

  it("concurrent capture and void of one job: exactly one wins, the other gets CONFLICT", async () => {
    for (let i = 0; i < 5; i++) {
      const { customer, scooper, job } = await claimedJob(2000);
      const results = await Promise.allSettled([provider.captureJobPayment({ jobId: job.id }), provider.voidJobPayment({ jobId: job.id })]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(AppError);
      expect((lost[0]!.reason as AppError).code).toBe("CONFLICT");
      const payment = await db.payment.findUniqueOrThrow({ where: { jobId: job.id } });
      const moved = await movements(job.id, customer.id, scooper.id);
      if (payment.status === "CAPTURED") expect(moved).toEqual({ customerFunding: -2000, customerHeld: 0, platform: 300, scooper: 1700 });
      else expect(moved).toEqual({ customerFunding: 0, customerHeld: 0, platform: 0, scooper: 0 });
      expect(await db.paymentOperation.count({ where: { paymentId: payment.id } })).toBe(2); // authorize + the winner
    }
  });

  it("concurrent calls with the same key move the money once; concurrent refunds never exceed the capture", async () => {
    const { customer, scooper, job } = await claimedJob(2000);
    const [a, b] = await Promise.all([provider.captureJobPayment({ jobId: job.id }), provider.captureJobPayment({ jobId: job.id })]);
    expect(a.operationId).toBe(b.operationId);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await db.ledgerTransaction.count({ where: { jobId: job.id, kind: "capture" } })).toBe(1);

    const refunds = await Promise.allSettled([
      provider.refundJobPayment({ jobId: job.id, amountCents: 1500, reason: "ADMIN", refundNo: 1 }),
      provider.refundJobPayment({ jobId: job.id, amountCents: 1500, reason: "ADMIN", refundNo: 2 }),
    ]);
    expect(refunds.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: job.id } })).toMatchObject({ refundedCents: 1500, status: "PARTIALLY_REFUNDED" });
    expect((await movements(job.id, customer.id, scooper.id)).customerFunding).toBe(-500);
  });

  it("refuses bad amounts and a capture without a scooper", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const job = await createOpenJob(customer.id);
    await expectAppError(provider.authorizeJobPayment({ jobId: job.id, customerId: customer.id, amountCents: 0 }), "BAD_REQUEST");
    await expectAppError(provider.authorizeJobPayment({ jobId: job.id, customerId: customer.id, amountCents: 10.5 }), "BAD_REQUEST");
    expect(await db.payment.count({ where: { jobId: job.id } })).toBe(0);
    await provider.authorizeJobPayment({ jobId: job.id, customerId: customer.id, amountCents: 1500 });
    await expectAppError(provider.captureJobPayment({ jobId: job.id }), "PRECONDITION_FAILED");
    await expectAppError(provider.captureJobPayment({ jobId: "no-such-job" }), "NOT_FOUND");
  });

  it("needs no payout setup and bills recurring cleanups per generated job", async () => {
    const scooper = await createUser(["SCOOPER"]);
    expect(await provider.createPayoutAccountLink({ scooperId: scooper.id })).toEqual({ status: "ready" });
    expect(await db.payoutAccount.findUniqueOrThrow({ where: { userId: scooper.id } })).toMatchObject({ provider: "ledger", payoutsEnabled: true });
    expect(await provider.createSubscriptionBilling({ recurringId: "rec-1" })).toEqual({ mode: "per-job" });
    await provider.cancelSubscriptionBilling({ recurringId: "rec-1" });
    expect(await db.billingSubscription.findUniqueOrThrow({ where: { recurringId: "rec-1" } })).toMatchObject({ provider: "ledger", status: "CANCELED" });
  });
});
