/**
 * The reconciliation check (`npm run ops:reconcile`, nightly on Render): does every job's state agree with its
 * payment's, and is any side effect stuck? It reads only; a finding is something for an operator to look at
 * (docs/deploy.md). Jobs changed in the last `settleMinutes` are left out: their money step may still be
 * on its way through the outbox.
 *
 * What "agrees" means, per job state (a job without a payment row predates payments, or was never funded):
 * - AWAITING_PAYMENT: PENDING, FAILED or none (an AUTHORIZED one should have opened it);
 * - OPEN, CLAIMED, IN_PROGRESS, UNREACHABLE, COMPLETED, DISPUTED: AUTHORIZED (the money is held; a generated job never opens
 *   without it);
 * - CONFIRMED: CAPTURED (or refunded after capture);
 * - RESOLVED: CAPTURED, PARTIALLY_REFUNDED, REFUNDED or VOIDED (per outcome);
 * - CANCELLED, EXPIRED: VOIDED, FAILED, CAPTURED only with a cancellation fee, REFUNDED/PARTIALLY_REFUNDED for a
 *   prepaid visit, or none (never funded).
 */
import type Stripe from "stripe";
import type { JobStatus, PaymentStatus } from "@/generated/prisma/enums";
import type { Db } from "@/server/db";
import { compareWithStripe, type StripeDifference } from "@/server/payments/stripe-reconcile";

const HELD: PaymentStatus[] = ["AUTHORIZED"];
const EXPECTED: Record<JobStatus, { payment: PaymentStatus[]; noPaymentOk: boolean }> = {
  AWAITING_PAYMENT: { payment: ["PENDING", "FAILED"], noPaymentOk: true },
  OPEN: { payment: HELD, noPaymentOk: false },
  CLAIMED: { payment: HELD, noPaymentOk: false },
  IN_PROGRESS: { payment: HELD, noPaymentOk: false },
  COMPLETED: { payment: HELD, noPaymentOk: false },
  DISPUTED: { payment: HELD, noPaymentOk: false },
  // Waiting for the poster's answer to "can't get in": nothing is charged until it is cancelled (with the fee) or done.
  UNREACHABLE: { payment: HELD, noPaymentOk: false },
  CONFIRMED: { payment: ["CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED"], noPaymentOk: false },
  RESOLVED: { payment: ["CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED", "VOIDED"], noPaymentOk: false },
  CANCELLED: { payment: ["VOIDED", "FAILED", "CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED"], noPaymentOk: true },
  EXPIRED: { payment: ["VOIDED", "FAILED", "REFUNDED"], noPaymentOk: true },
};

export type JobMismatch = { jobId: string; jobStatus: JobStatus; paymentStatus: PaymentStatus | null; updatedAt: Date };
export type StuckSideEffect = { id: string; queue: string; kind: string; status: "PENDING" | "DEAD"; createdAt: Date; lastError: string | null };
export type ReconcileReport = { checkedJobs: number; mismatches: JobMismatch[]; stuck: StuckSideEffect[]; stripe: StripeDifference[]; ok: boolean };

/** With `stripe`, Stripe's records of the last `stripeDays` days are compared too (payments/stripe-reconcile.ts). */
export async function reconcile(db: Db, opts: { settleMinutes: number; now?: Date; stripe?: Stripe; stripeDays?: number }): Promise<ReconcileReport> {
  const before = new Date((opts.now ?? new Date()).getTime() - opts.settleMinutes * 60_000);
  const jobs = await db.cleanupJob.findMany({
    where: { updatedAt: { lte: before } },
    select: { id: true, status: true, updatedAt: true, payment: { select: { status: true, capturedCents: true, prepaidVisitId: true } } },
  });
  const mismatches: JobMismatch[] = [];
  // Jobs still settling: their money step may be between Stripe and the database.
  const recent = new Set((await db.cleanupJob.findMany({ where: { updatedAt: { gt: before } }, select: { id: true } })).map((j) => j.id));
  for (const job of jobs) {
    const rule = EXPECTED[job.status];
    const payment = job.payment;
    const agrees = payment
      ? rule.payment.includes(payment.status) &&
        // A cancelled job keeps money captured only as the scooper's cancellation fee (or a prepaid visit's charge).
        !(job.status === "CANCELLED" && payment.status === "CAPTURED" && payment.capturedCents <= 0)
      : rule.noPaymentOk;
    if (!agrees) mismatches.push({ jobId: job.id, jobStatus: job.status, paymentStatus: payment?.status ?? null, updatedAt: job.updatedAt });
  }
  const stuck = await db.outboxMessage.findMany({
    where: { OR: [{ status: "PENDING", createdAt: { lte: before } }, { status: "DEAD" }] },
    orderBy: { createdAt: "asc" },
    take: 200,
    select: { id: true, queue: true, kind: true, status: true, createdAt: true, lastError: true },
  });
  const since = new Date((opts.now ?? new Date()).getTime() - (opts.stripeDays ?? 3) * 86_400_000);
  const stripe = opts.stripe ? (await compareWithStripe(db, opts.stripe, { since })).filter((d) => !d.jobId || !recent.has(d.jobId)) : [];
  return {
    checkedJobs: jobs.length,
    mismatches,
    stuck: stuck.map((s) => ({ ...s, status: s.status as "PENDING" | "DEAD" })),
    stripe,
    ok: mismatches.length === 0 && stuck.length === 0 && stripe.length === 0,
  };
}
