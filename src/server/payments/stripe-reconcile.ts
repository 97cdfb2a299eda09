/**
 * Does Stripe agree with Scoop? Compares Stripe's records of the last days — PaymentIntents (job holds and charges),
 * Transfers (scooper payouts) and Refunds — read through the API, with the `Payment` rows, and lists every
 * difference. It reads only; `npm run ops:reconcile` runs it nightly with Stripe configured (docs/deploy.md).
 *
 * Rules (a PaymentIntent whose metadata names a job is a job's hold; a tip or an invoice's intent is not compared;
 * Scoop's payments of the window, plus older ones Stripe's records of the window name, are read):
 * - the intent's state matches the payment's: requires_capture ↔ AUTHORIZED; succeeded ↔ CAPTURED / PARTIALLY_REFUNDED /
 *   REFUNDED with the same amount received as captured (a prepaid visit's intent is the invoice's: not compared);
 *   canceled ↔ VOIDED or FAILED (or a hold replaced by its renewal); waiting for the customer ↔ PENDING or FAILED;
 * - every Stripe payment of the window exists at Stripe, and every job intent at Stripe that holds or took money exists
 *   in Scoop;
 * - every payout transfer Scoop recorded exists at Stripe, and every job transfer at Stripe is recorded;
 * - the refunds at Stripe on a job's intent add up to the payment's refunded amount.
 */
import type Stripe from "stripe";
import type { PaymentStatus } from "@/generated/prisma/enums";
import type { Db } from "@/server/db";

export type StripeDifference = { kind: "payment" | "transfer" | "refund"; ref: string; jobId: string | null; stripe: string; scoop: string };

const INTENT_STATES: Record<string, PaymentStatus[]> = {
  requires_capture: ["AUTHORIZED"],
  succeeded: ["CAPTURED", "PARTIALLY_REFUNDED", "REFUNDED"],
  canceled: ["VOIDED", "FAILED"],
  requires_payment_method: ["PENDING", "FAILED"],
  requires_confirmation: ["PENDING", "FAILED"],
  requires_action: ["PENDING", "FAILED"],
  processing: ["PENDING"],
};

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? null));

export async function compareWithStripe(db: Db, stripe: Stripe, opts: { since: Date }): Promise<StripeDifference[]> {
  const gte = Math.floor(opts.since.getTime() / 1000);
  const differences: StripeDifference[] = [];
  const intents: Stripe.PaymentIntent[] = [];
  for await (const intent of stripe.paymentIntents.list({ created: { gte }, limit: 100 })) intents.push(intent);
  const transfers: Stripe.Transfer[] = [];
  for await (const transfer of stripe.transfers.list({ created: { gte }, limit: 100 })) transfers.push(transfer);
  const refunds: Stripe.Refund[] = [];
  for await (const refund of stripe.refunds.list({ created: { gte }, limit: 100 })) refunds.push(refund);

  // The window's payments, and older ones Stripe's records of the window point at (a late capture, an owed payout).
  const transferIds = transfers.map((t) => t.id);
  const jobIds = [...intents, ...transfers].map((r) => r.metadata?.jobId).filter((id): id is string => !!id);
  const payments = await db.payment.findMany({
    where: {
      provider: "stripe",
      OR: [
        { createdAt: { gte: opts.since } }, { providerRef: { in: intents.map((i) => i.id) } }, { jobId: { in: jobIds } },
        { transferRef: { in: transferIds } }, { tipTransferRef: { in: transferIds } },
      ],
    },
    select: { jobId: true, providerRef: true, status: true, capturedCents: true, refundedCents: true, transferRef: true, tipTransferRef: true, prepaidVisitId: true, createdAt: true },
  });
  const byRef = new Map(payments.filter((p) => p.providerRef).map((p) => [p.providerRef!, p]));

  // Job holds and charges.
  const jobIntents = intents.filter((i) => i.metadata?.jobId && i.metadata.kind !== "tip");
  for (const intent of jobIntents) {
    const jobId = intent.metadata.jobId!;
    const payment = byRef.get(intent.id);
    if (!payment) {
      // Only an intent that holds or took money and that Scoop does not know is a difference: a declined card-on-file
      // charge, a refused renewal or a hold replaced by its renewal (cancelled) never held anything now.
      if (intent.status === "requires_capture" || intent.status === "succeeded") {
        differences.push({ kind: "payment", ref: intent.id, jobId, stripe: `${intent.status} ${intent.amount}`, scoop: "no payment with this intent" });
      }
      continue;
    }
    if (payment.prepaidVisitId) continue;
    const expected = INTENT_STATES[intent.status] ?? [];
    if (!expected.includes(payment.status)) {
      differences.push({ kind: "payment", ref: intent.id, jobId, stripe: intent.status, scoop: payment.status });
    } else if (intent.status === "succeeded" && (intent.amount_received ?? 0) !== payment.capturedCents) {
      differences.push({ kind: "payment", ref: intent.id, jobId, stripe: `received ${intent.amount_received ?? 0}`, scoop: `captured ${payment.capturedCents}` });
    }
  }
  const seenIntents = new Set(intents.map((i) => i.id));
  for (const payment of payments) {
    if (payment.createdAt < opts.since || !payment.providerRef || payment.prepaidVisitId || seenIntents.has(payment.providerRef)) continue;
    differences.push({ kind: "payment", ref: payment.providerRef, jobId: payment.jobId, stripe: "no such PaymentIntent", scoop: payment.status });
  }

  // Scooper payouts.
  const stripeTransfers = new Set(transfers.map((t) => t.id));
  const recorded = new Set(payments.flatMap((p) => [p.transferRef, p.tipTransferRef]).filter((r): r is string => !!r && r.startsWith("tr_")));
  for (const transfer of transfers) {
    if (transfer.metadata?.jobId && !recorded.has(transfer.id)) {
      differences.push({ kind: "transfer", ref: transfer.id, jobId: transfer.metadata.jobId, stripe: `transfer of ${transfer.amount}`, scoop: "not recorded" });
    }
  }
  for (const payment of payments) {
    for (const ref of [payment.transferRef, payment.tipTransferRef]) {
      if (ref?.startsWith("tr_") && payment.createdAt >= opts.since && !stripeTransfers.has(ref)) {
        differences.push({ kind: "transfer", ref, jobId: payment.jobId, stripe: "no such transfer", scoop: "recorded as paid" });
      }
    }
  }

  // Refunds of job charges.
  const refunded = new Map<string, number>();
  for (const refund of refunds) {
    const intent = idOf(refund.payment_intent);
    if (intent && refund.status !== "failed" && refund.status !== "canceled") refunded.set(intent, (refunded.get(intent) ?? 0) + refund.amount);
  }
  for (const payment of payments) {
    if (!payment.providerRef || payment.prepaidVisitId) continue;
    const atStripe = refunded.get(payment.providerRef) ?? 0;
    if (atStripe !== payment.refundedCents && (atStripe > 0 || payment.createdAt >= opts.since)) {
      differences.push({ kind: "refund", ref: payment.providerRef, jobId: payment.jobId, stripe: `refunded ${atStripe}`, scoop: `refunded ${payment.refundedCents}` });
    }
  }
  return differences;
}
