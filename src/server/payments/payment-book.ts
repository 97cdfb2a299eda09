/**
 * The database side of every payment step, whichever gateway moved the money: the `Payment` row's conditional state
 * change, the `PaymentOperation` row that makes the step idempotent, and the balanced ledger transaction.
 * Each `book*` runs inside the transaction `runOnce` opens; the steps (steps/) make their gateway calls (Stripe)
 * before booking, with the same idempotency key, so a retry after a crash repeats neither.
 *
 * Entries per step (A = authorized amount, F = platform fee, P = A − F):
 *   authorize         customer_funding −A, customer_held +A
 *   capture           customer_held −A, platform_revenue +F, scooper_payable +P
 *   void              customer_held −A, customer_funding +A
 *   cancellation-fee  customer_held −A, scooper_payable +fee, customer_funding +(A − fee)
 *   refund (R)        platform_revenue −fee share, scooper_payable −rest, customer_funding +R
 *   tip (T)           customer_funding −T, scooper_payable +T
 */
import crypto from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { PaymentStatus } from "@/generated/prisma/enums";
import { jobCancellationFeeCents, platformFeeCents, splitRefund } from "@/lib/money";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { jobFeeRates } from "./fees";
import { accounts, balancedLines, postLedgerTransaction, type LedgerLine } from "./ledger";
import { paymentKeys, type PaymentOperationKind, type PaymentResult } from "./types";

export type StoredResult = Omit<PaymentResult, "replayed">;

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

export async function findOperationResult(db: Tx, idempotencyKey: string): Promise<PaymentResult | null> {
  const op = await db.paymentOperation.findUnique({ where: { idempotencyKey }, select: { result: true } });
  return op ? { ...(op.result as unknown as StoredResult), replayed: true } : null;
}

/**
 * Runs `book` once per key, in one transaction. A second call with the key returns the first result. When a
 * concurrent call with the same key commits first, ours fails on the key's unique index or on the payment's
 * conditional update (CONFLICT); either way the first call's result is the answer.
 */
export async function runOnce(db: Db, idempotencyKey: string, book: (tx: Tx) => Promise<StoredResult>): Promise<PaymentResult> {
  const done = await findOperationResult(db, idempotencyKey);
  if (done) return done;
  try {
    return { ...(await db.$transaction((tx) => book(tx))), replayed: false };
  } catch (err) {
    if (isUniqueViolation(err) || (err instanceof AppError && err.code === "CONFLICT")) {
      const first = await findOperationResult(db, idempotencyKey);
      if (first) return first;
    }
    throw err;
  }
}

async function recordOperation(
  tx: Tx,
  input: {
    payment: { id: string; jobId: string; status: PaymentStatus };
    kind: PaymentOperationKind;
    idempotencyKey: string;
    amountCents: number;
    lines: LedgerLine[];
    clientSecret?: string | null;
  },
): Promise<StoredResult> {
  const operationId = crypto.randomUUID();
  const result: StoredResult = {
    paymentId: input.payment.id, operationId, jobId: input.payment.jobId, kind: input.kind, status: input.payment.status,
    amountCents: input.amountCents, ...(input.clientSecret ? { clientSecret: input.clientSecret } : {}),
  };
  await tx.paymentOperation.create({
    data: {
      id: operationId, paymentId: input.payment.id, kind: input.kind, idempotencyKey: input.idempotencyKey,
      amountCents: input.amountCents, result: result as unknown as Prisma.InputJsonValue,
    },
  });
  await postLedgerTransaction(tx, { kind: input.kind, jobId: input.payment.jobId, operationId, lines: input.lines });
  return result;
}

const paymentSelect = {
  id: true, jobId: true, customerId: true, status: true, amountCents: true, capturedCents: true, refundedCents: true,
  platformFeeCents: true, scooperId: true, providerRef: true, transferRef: true, tipCents: true, chargeRef: true, prepaidVisitId: true, heldAt: true, provider: true,
} as const;

export async function getJobPayment(db: Tx, jobId: string) {
  const payment = await db.payment.findUnique({ where: { jobId }, select: paymentSelect });
  if (!payment) throw new AppError("NOT_FOUND", "payment.none");
  return payment;
}

export type JobPayment = Awaited<ReturnType<typeof getJobPayment>>;

/** The conditional state change: `data` applies only while the status is one of `from`; otherwise CONFLICT. */
async function transition(tx: Tx, jobId: string, from: PaymentStatus[], data: Prisma.PaymentUpdateManyMutationInput, what: PaymentAction) {
  const { count } = await tx.payment.updateMany({ where: { jobId, status: { in: from } }, data });
  if (count === 0) {
    const current = await getJobPayment(tx, jobId);
    throw new AppError("CONFLICT", "payment.wrongStatus", { action: what, status: current.status }, { status: current.status });
  }
  return getJobPayment(tx, jobId);
}

/** What an amount is, for the words of its refusal (messages/<locale>/errors.json, payment.notPositiveCents). */
export type AmountName = "amount" | "chargeback" | "cancellationFee" | "refund" | "tip";
/** The payment change a refusal names (payment.wrongStatus). */
export type PaymentAction = "confirmAuthorization" | "void" | "capture" | "refund" | "chargeCancellationFee" | "tip";

export function assertCents(amountCents: number, what: AmountName) {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) throw new AppError("BAD_REQUEST", "payment.notPositiveCents", { what });
}

/** The scooper a capture pays: the job's current scooper. */
export async function jobScooperId(db: Tx, jobId: string): Promise<string> {
  const job = await db.cleanupJob.findUnique({ where: { id: jobId }, select: { scooperId: true } });
  if (!job) throw new AppError("NOT_FOUND", "job.notFoundPlain");
  if (!job.scooperId) throw new AppError("PRECONDITION_FAILED", "payment.noScooperToPay");
  return job.scooperId;
}

export async function bookAuthorization(
  tx: Tx,
  input: {
    idempotencyKey: string; jobId: string; customerId: string; amountCents: number; provider: "ledger" | "stripe";
    status: "AUTHORIZED" | "PENDING"; providerRef?: string | null; clientSecret?: string | null;
    /** A paid subscription invoice funds the job (Stripe): its charge, and the prepaid visit it used. */
    chargeRef?: string | null; prepaidVisitId?: string;
  },
): Promise<StoredResult> {
  assertCents(input.amountCents, "amount");
  const payment = await tx.payment.create({
    data: {
      jobId: input.jobId, customerId: input.customerId, provider: input.provider, status: input.status,
      amountCents: input.amountCents, providerRef: input.providerRef ?? null, chargeRef: input.chargeRef ?? null,
      prepaidVisitId: input.prepaidVisitId ?? null, heldAt: input.status === "AUTHORIZED" ? new Date() : null,
    },
    select: { id: true, jobId: true, status: true },
  });
  const held = input.status === "AUTHORIZED";
  return recordOperation(tx, {
    payment, kind: "authorize", idempotencyKey: input.idempotencyKey, amountCents: input.amountCents, clientSecret: input.clientSecret,
    lines: held ? holdLines(input.customerId, input.amountCents) : [],
  });
}

function holdLines(customerId: string, amountCents: number): LedgerLine[] {
  return [
    { account: accounts.customerFunding(customerId), amountCents: -amountCents },
    { account: accounts.customerHeld(customerId), amountCents },
  ];
}

/** Stripe: a PENDING (or declined, then retried) PaymentIntent was authorized later. Writes the hold the authorization skipped. */
export async function bookAuthorizationConfirmed(tx: Tx, input: { idempotencyKey: string; jobId: string }): Promise<StoredResult> {
  const payment = await transition(tx, input.jobId, ["PENDING", "FAILED"], { status: "AUTHORIZED", failureReason: null, heldAt: new Date() }, "confirmAuthorization");
  return recordOperation(tx, {
    payment, kind: "authorize", idempotencyKey: input.idempotencyKey, amountCents: payment.amountCents,
    lines: holdLines(payment.customerId, payment.amountCents),
  });
}

export const LEASE_MS = 5 * 60_000;

/** Thrown while a renewal of the hold is under way: the step's queue retries it with backoff. */
export class HoldBeingRenewed extends Error {
  constructor(jobId: string) {
    super(`The card hold of job ${jobId} is being renewed; the step is retried shortly.`);
  }
}

/**
 * Capture, void and the cancellation fee call this before their gateway call, and a hold renewal waits for it:
 * the two never use the hold at once (one conditional UPDATE each, so Postgres orders them). Throws
 * HoldBeingRenewed while a renewal holds the lease; a renewal that died frees it after five minutes.
 */
export async function startHoldStep(db: Tx, jobId: string): Promise<void> {
  const { count } = await db.payment.updateMany({
    where: { jobId, OR: [{ renewingUntil: null }, { renewingUntil: { lt: new Date() } }] },
    data: { stepStartedAt: new Date() },
  });
  if (count === 0 && (await db.payment.count({ where: { jobId } })) > 0) throw new HoldBeingRenewed(jobId);
}

/** A renewal takes the lease only while the payment is AUTHORIZED and no step started in the last five minutes. */
export async function startHoldRenewal(db: Tx, jobId: string): Promise<boolean> {
  const now = new Date();
  const { count } = await db.payment.updateMany({
    where: {
      jobId, status: "AUTHORIZED",
      AND: [
        { OR: [{ renewingUntil: null }, { renewingUntil: { lt: now } }] },
        { OR: [{ stepStartedAt: null }, { stepStartedAt: { lt: new Date(now.getTime() - LEASE_MS) } }] },
      ],
    },
    data: { renewingUntil: new Date(now.getTime() + LEASE_MS) },
  });
  return count === 1;
}

export async function endHoldRenewal(db: Tx, jobId: string): Promise<void> {
  await db.payment.updateMany({ where: { jobId }, data: { renewingUntil: null } });
}

/**
 * A renewed hold (the old one was about to lapse) replaces the old one while the payment is still AUTHORIZED by it.
 * The amount stays held, so the ledger moves nothing; the operation records the renewal once per key.
 */
export async function bookHoldRenewal(tx: Tx, input: { idempotencyKey: string; jobId: string; oldRef: string | null; newRef: string | null }): Promise<StoredResult> {
  const { count } = await tx.payment.updateMany({
    where: { jobId: input.jobId, status: "AUTHORIZED", providerRef: input.oldRef },
    data: { providerRef: input.newRef, heldAt: new Date(), failureReason: null, renewingUntil: null },
  });
  const payment = await getJobPayment(tx, input.jobId);
  if (count === 0) throw new AppError("CONFLICT", "payment.cannotRenewHold", { status: payment.status }, { status: payment.status });
  return recordOperation(tx, { payment, kind: "renew-hold", idempotencyKey: input.idempotencyKey, amountCents: payment.amountCents, lines: [] });
}

/**
 * A chargeback: the customer's bank took `amountCents` of a charge back (opened), or returned it (won). The platform
 * carries it — the scooper's payout is not reversed (docs/payments.md "Chargebacks") — so only platform revenue and
 * the customer's funding move. Once per key (the Stripe dispute id).
 */
export async function bookChargeback(
  tx: Tx,
  input: { idempotencyKey: string; paymentId: string; amountCents: number; won: boolean },
): Promise<StoredResult> {
  assertCents(input.amountCents, "chargeback");
  const payment = await tx.payment.findUniqueOrThrow({ where: { id: input.paymentId }, select: { ...paymentSelect } });
  const sign = input.won ? -1 : 1;
  return recordOperation(tx, {
    payment, kind: input.won ? "chargeback-won" : "chargeback", idempotencyKey: input.idempotencyKey, amountCents: input.amountCents,
    lines: [
      { account: accounts.platformRevenue(), amountCents: -sign * input.amountCents },
      { account: accounts.customerFunding(payment.customerId), amountCents: sign * input.amountCents },
    ],
  });
}

async function jobCancellationFeeOf(tx: Tx, jobId: string, amountCents: number): Promise<number> {
  const job = await tx.cleanupJob.findUniqueOrThrow({ where: { id: jobId }, select: { cancellationFeePercent: true, minCancelFeeCents: true, onMyWayAt: true } });
  return jobCancellationFeeCents({ ...job, priceCents: amountCents }, !!job.onMyWayAt);
}

/** The platform's fee and the scooper's payout of a capture, at the job's own platform fee rate. */
export async function captureSplit(tx: Tx, jobId: string, amountCents: number) {
  const feeCents = platformFeeCents(amountCents, (await jobFeeRates(tx, jobId)).platformFeePercent);
  return { feeCents, payoutCents: amountCents - feeCents };
}

export async function bookCapture(
  tx: Tx,
  input: { idempotencyKey: string; jobId: string; scooperId: string; transferRef?: string | null; chargeRef?: string | null },
): Promise<StoredResult> {
  const { amountCents, customerId } = await getJobPayment(tx, input.jobId); // immutable fields
  const { feeCents, payoutCents } = await captureSplit(tx, input.jobId, amountCents);
  const payment = await transition(tx, input.jobId, ["AUTHORIZED"], {
    status: "CAPTURED", capturedCents: amountCents, platformFeeCents: feeCents, scooperPayoutCents: payoutCents,
    scooperId: input.scooperId, transferRef: input.transferRef ?? null, ...(input.chargeRef ? { chargeRef: input.chargeRef } : {}),
  }, "capture");
  return recordOperation(tx, {
    payment, kind: "capture", idempotencyKey: input.idempotencyKey, amountCents,
    lines: [
      { account: accounts.customerHeld(customerId), amountCents: -amountCents },
      { account: accounts.platformRevenue(), amountCents: feeCents },
      { account: accounts.scooperPayable(input.scooperId), amountCents: payoutCents },
    ],
  });
}

export async function bookVoid(tx: Tx, input: { idempotencyKey: string; jobId: string }): Promise<StoredResult> {
  // Two conditional updates rather than one: only an AUTHORIZED payment holds money to release.
  const { count } = await tx.payment.updateMany({ where: { jobId: input.jobId, status: "AUTHORIZED" }, data: { status: "VOIDED" } });
  const payment = count === 1 ? await getJobPayment(tx, input.jobId) : await transition(tx, input.jobId, ["PENDING", "FAILED"], { status: "VOIDED" }, "void");
  const lines: LedgerLine[] = count === 1
    ? [
        { account: accounts.customerHeld(payment.customerId), amountCents: -payment.amountCents },
        { account: accounts.customerFunding(payment.customerId), amountCents: payment.amountCents },
      ]
    : [];
  return recordOperation(tx, { payment, kind: "void", idempotencyKey: input.idempotencyKey, amountCents: payment.amountCents, lines });
}

/**
 * The fee for cancelling a claimed job: `feeCents` when given, else the job's own cancellation rate of the amount,
 * raised to the job's minimum when the scooper had said "on my way" (`jobCancellationFeeCents`).
 */
export async function resolveCancellationFee(tx: Tx, jobId: string, amountCents: number, feeCents?: number): Promise<number> {
  const fee = feeCents ?? (await jobCancellationFeeOf(tx, jobId, amountCents));
  assertCents(fee, "cancellationFee");
  if (fee > amountCents) throw new AppError("BAD_REQUEST", "payment.feeExceedsAmount");
  return fee;
}

export async function bookCancellationFee(
  tx: Tx,
  input: { idempotencyKey: string; jobId: string; scooperId: string; feeCents?: number; transferRef?: string | null; chargeRef?: string | null },
): Promise<StoredResult> {
  const { amountCents, customerId } = await getJobPayment(tx, input.jobId);
  const fee = await resolveCancellationFee(tx, input.jobId, amountCents, input.feeCents);
  const payment = await transition(tx, input.jobId, ["AUTHORIZED"], {
    status: "CAPTURED", capturedCents: fee, platformFeeCents: 0, scooperPayoutCents: fee, scooperId: input.scooperId,
    transferRef: input.transferRef ?? null, ...(input.chargeRef ? { chargeRef: input.chargeRef } : {}),
  }, "chargeCancellationFee");
  return recordOperation(tx, {
    payment, kind: "cancellation-fee", idempotencyKey: input.idempotencyKey, amountCents: fee,
    lines: [
      { account: accounts.customerHeld(customerId), amountCents: -amountCents },
      { account: accounts.scooperPayable(input.scooperId), amountCents: fee },
      { account: accounts.customerFunding(customerId), amountCents: amountCents - fee },
    ],
  });
}

type RefundedRow = { id: string; jobId: string; status: PaymentStatus; customerId: string; scooperId: string | null; capturedCents: number; platformFeeCents: number; refundedCents: number };

export async function bookRefund(tx: Tx, input: { idempotencyKey: string; jobId: string; amountCents: number }): Promise<StoredResult> {
  assertCents(input.amountCents, "refund");
  // One statement: the refund applies only while the payment is captured and enough of it is left to refund.
  const rows = await tx.$queryRaw<RefundedRow[]>`
    UPDATE "Payment"
       SET "refundedCents" = "refundedCents" + ${input.amountCents},
           "status" = (CASE WHEN "refundedCents" + ${input.amountCents} = "capturedCents" THEN 'REFUNDED' ELSE 'PARTIALLY_REFUNDED' END)::"PaymentStatus",
           "updatedAt" = now()
     WHERE "jobId" = ${input.jobId}
       AND "status" IN ('CAPTURED', 'PARTIALLY_REFUNDED')
       AND "refundedCents" + ${input.amountCents} <= "capturedCents"
    RETURNING "id", "jobId", "status", "customerId", "scooperId", "capturedCents", "platformFeeCents", "refundedCents"`;
  const row = rows[0];
  if (!row) {
    const current = await getJobPayment(tx, input.jobId);
    if (current.status === "CAPTURED" || current.status === "PARTIALLY_REFUNDED") {
      throw new AppError("BAD_REQUEST", "payment.refundLeft", { cents: current.capturedCents - current.refundedCents });
    }
    throw new AppError("CONFLICT", "payment.cannotRefund", { status: current.status }, { status: current.status });
  }
  const { feeCents, scooperCents } = splitRefund(input.amountCents, { ...row, refundedCents: row.refundedCents - input.amountCents });
  return recordOperation(tx, {
    payment: row, kind: "refund", idempotencyKey: input.idempotencyKey, amountCents: input.amountCents,
    lines: [
      { account: accounts.platformRevenue(), amountCents: -feeCents },
      { account: accounts.scooperPayable(row.scooperId!), amountCents: -scooperCents },
      { account: accounts.customerFunding(row.customerId), amountCents: input.amountCents },
    ],
  });
}

/**
 * `transferRef`: how the tip already reached the scooper (a destination charge), recorded with the tip itself so a
 * crash after this commit cannot leave it looking owed (`payOwedPayouts` would pay it a second time).
 */
export async function bookTip(tx: Tx, input: { idempotencyKey: string; jobId: string; tipCents: number; transferRef?: string | null }): Promise<StoredResult> {
  assertCents(input.tipCents, "tip");
  const { count } = await tx.payment.updateMany({
    where: { jobId: input.jobId, status: { in: ["CAPTURED", "PARTIALLY_REFUNDED"] }, tipCents: 0, scooperId: { not: null } },
    data: { tipCents: input.tipCents, ...(input.transferRef && { tipTransferRef: input.transferRef }) },
  });
  const payment = await getJobPayment(tx, input.jobId);
  if (count === 0) throw new AppError("CONFLICT", payment.tipCents > 0 ? "payment.alreadyTipped" : "payment.tipAfterPaid");
  return recordOperation(tx, {
    payment, kind: "tip", idempotencyKey: input.idempotencyKey, amountCents: input.tipCents,
    lines: [
      { account: accounts.customerFunding(payment.customerId), amountCents: -input.tipCents },
      { account: accounts.scooperPayable(payment.scooperId!), amountCents: input.tipCents },
    ],
  });
}

/**
 * The ledger's authorization of many jobs at once, inside the caller's transaction (a day's generated recurring
 * jobs: the offline gateway holds at once, so there is nothing to wait for). Per job exactly what
 * `authorizeJobPayment` books — an AUTHORIZED payment, its `authorize` operation under the same idempotency key and
 * with the same stored result, and the balanced hold — in ONE statement for the whole set: the holds and their
 * lines go in as JSON documents (one parameter each: Prisma spends ≈ 5× the CPU binding the same values as arrays),
 * and each table's rows are one `INSERT … SELECT` from the payments that statement created, so nothing is sent or
 * mapped per row. The keys and the lines are built here, by the same functions as the single
 * path (and checked to balance before anything is sent). A job that already has a payment (its own delivery got
 * there first) is left out; returns the job ids booked here.
 */
export async function bookLedgerHolds(tx: Tx, holds: { jobId: string; customerId: string; amountCents: number }[]): Promise<string[]> {
  if (holds.length === 0) return [];
  for (const h of holds) assertCents(h.amountCents, "amount");
  const lines = holds.flatMap((h) => balancedLines(holdLines(h.customerId, h.amountCents)).map((l) => ({ jobId: h.jobId, ...l })));
  const accountsUsed = [...new Map(lines.map((l) => [l.account.key, l.account] as const)).values()];
  const rows = await tx.$queryRaw<{ jobId: string }[]>`
    WITH hold AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(holds.map((h) => ({ ...h, key: paymentKeys.authorize(h.jobId) })))}::jsonb)
        AS h("jobId" text, "customerId" text, "amountCents" int, key text)
    ), payment AS (
      INSERT INTO "Payment" (id, "jobId", "customerId", provider, status, "amountCents", "heldAt", "updatedAt")
      SELECT gen_random_uuid()::text, "jobId", "customerId", 'ledger', 'AUTHORIZED', "amountCents", now(), now() FROM hold
      ON CONFLICT DO NOTHING
      RETURNING id, "jobId", "amountCents"
    ), booked AS MATERIALIZED (
      SELECT p.id AS "paymentId", p."jobId", p."amountCents", hold.key,
        gen_random_uuid()::text AS "operationId", gen_random_uuid()::text AS "transactionId"
      FROM payment p JOIN hold USING ("jobId")
    ), operation AS (
      INSERT INTO "PaymentOperation" (id, "paymentId", kind, "idempotencyKey", "amountCents", result)
      SELECT "operationId", "paymentId", 'authorize', key, "amountCents",
        jsonb_build_object('paymentId', "paymentId", 'operationId', "operationId", 'jobId', "jobId", 'kind', 'authorize',
          'status', 'AUTHORIZED', 'amountCents', "amountCents")
      FROM booked
    ), account AS (
      INSERT INTO "LedgerAccount" (id, key, kind, "ownerId")
      SELECT key, key, kind::"LedgerAccountKind", "ownerId"
      FROM jsonb_to_recordset(${JSON.stringify(accountsUsed)}::jsonb) AS a(key text, kind text, "ownerId" text)
      ON CONFLICT DO NOTHING
    ), transaction AS (
      INSERT INTO "LedgerTransaction" (id, kind, "jobId", "operationId")
      SELECT "transactionId", 'authorize', "jobId", "operationId" FROM booked
    ), entry AS (
      INSERT INTO "LedgerEntry" (id, "transactionId", "accountId", "amountCents")
      SELECT gen_random_uuid()::text, b."transactionId", l."accountId", l."amountCents"
      FROM jsonb_to_recordset(${JSON.stringify(lines.map((l) => ({ jobId: l.jobId, accountId: l.account.key, amountCents: l.amountCents })))}::jsonb)
        AS l("jobId" text, "accountId" text, "amountCents" int)
      JOIN booked b USING ("jobId")
    )
    SELECT "jobId" FROM booked`;
  return rows.map((r) => r.jobId);
}
