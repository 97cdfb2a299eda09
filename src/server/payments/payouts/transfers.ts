/**
 * Scooper payouts: a scooper's share is transferred to their payout account when one can take it; otherwise it
 * stays owed in the ledger (`scooper_payable`) until `payOwedPayouts` runs (Stripe: when their connected account
 * can take payouts). Offline there is no payout account, so everything stays in the scooper's ledger balance.
 */
import { splitRefund } from "@/lib/money";
import type { Tx } from "@/server/db";
import type { PaymentsContext } from "../context";
import { paymentKeys } from "../types";

/** The scooper's connected account when the gateway can pay into it, else null (the payout stays owed). */
export async function payoutDestination(ctx: PaymentsContext, scooperId: string): Promise<string | null> {
  if (ctx.gateway.name !== "stripe") return null;
  const account = await ctx.db.payoutAccount.findUnique({ where: { userId: scooperId }, select: { provider: true, providerRef: true } });
  return account?.provider === "stripe" && account.providerRef ? account.providerRef : null;
}

/** Pays a job step's scooper share now when possible. Returns the transfer, or null when it stays owed. */
export async function transferToScooper(
  ctx: PaymentsContext,
  input: { jobId: string; step: string; scooperId: string; amountCents: number; sourceChargeRef?: string | null },
): Promise<string | null> {
  const destination = await payoutDestination(ctx, input.scooperId);
  if (input.amountCents <= 0 || !destination) return null;
  return ctx.gateway.transfer({
    key: paymentKeys.transfer(input.jobId, input.step), destination, amountCents: input.amountCents, sourceChargeRef: input.sourceChargeRef,
    metadata: { jobId: input.jobId, step: input.step }, group: `job_${input.jobId}`,
  });
}

/** What a scooper was owed on one payment, less what refunds took back from their share before it was paid. */
function owedShare(payment: { scooperPayoutCents: number; capturedCents: number; platformFeeCents: number; refundedCents: number }): number {
  const { scooperCents: refundedShare } = splitRefund(payment.refundedCents, { ...payment, refundedCents: 0 });
  return payment.scooperPayoutCents - refundedShare;
}

/**
 * Transfers everything a scooper was owed while they had no payout account: captures and cancellation fees (less
 * refunds) and tips. Safe to repeat: each transfer has its own key and marks its payment paid.
 */
export async function payOwedPayouts(ctx: PaymentsContext, { scooperId }: { scooperId: string }): Promise<{ transferred: number; amountCents: number }> {
  const { db } = ctx;
  const account = await db.payoutAccount.findUnique({ where: { userId: scooperId }, select: { payoutsEnabled: true } });
  const destination = await payoutDestination(ctx, scooperId);
  if (!destination || !account?.payoutsEnabled) return { transferred: 0, amountCents: 0 };
  const owed = await db.payment.findMany({
    where: { scooperId, provider: ctx.gateway.name, transferRef: null, status: { in: ["CAPTURED", "PARTIALLY_REFUNDED"] }, scooperPayoutCents: { gt: 0 } },
    select: { id: true, jobId: true, chargeRef: true, providerRef: true, capturedCents: true, platformFeeCents: true, refundedCents: true, scooperPayoutCents: true },
  });
  const owedTips = await db.payment.findMany({
    where: { scooperId, provider: ctx.gateway.name, tipCents: { gt: 0 }, tipTransferRef: null },
    select: { id: true, jobId: true, tipCents: true },
  });
  const payouts = [
    ...owed.map((p) => ({ ...p, amountCents: owedShare(p), step: "owed", field: "transferRef" as const })),
    // The whole tip is theirs.
    ...owedTips.map((p) => ({ ...p, chargeRef: null, providerRef: null, amountCents: p.tipCents, step: "tip_owed", field: "tipTransferRef" as const })),
  ];
  let transferred = 0;
  let amountCents = 0;
  for (const payout of payouts) {
    if (payout.amountCents <= 0) continue;
    // Captured before charges were recorded on the payment: ask the gateway for the charge behind it.
    const source = payout.chargeRef ?? (payout.field === "transferRef" && payout.providerRef ? await ctx.gateway.chargeOf({ ref: payout.providerRef }) : null);
    const ref = await ctx.gateway.transfer({
      key: paymentKeys.transfer(payout.jobId, payout.step), destination, amountCents: payout.amountCents, sourceChargeRef: source,
      metadata: { jobId: payout.jobId, step: payout.step }, group: `job_${payout.jobId}`,
    });
    await markPaid(db, payout.id, payout.field, ref);
    transferred++;
    amountCents += payout.amountCents;
  }
  return { transferred, amountCents };
}

async function markPaid(db: Tx, paymentId: string, field: "transferRef" | "tipTransferRef", ref: string) {
  await db.payment.updateMany({ where: { id: paymentId, [field]: null }, data: { [field]: ref } });
}
