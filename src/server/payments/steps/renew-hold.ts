/**
 * Renew a hold (Stripe): a card hold lapses after a few days (about seven for a hold the customer confirmed, five
 * for Visa holds made off-session), and a job can stay uncaptured longer (a long dispute, a late confirmation). The
 * worker renews a hold older than HOLD_REFRESH_AFTER_HOURS: a new hold of the same amount on the same card (saved
 * for off-session use when the customer confirmed it), then the old one is released — an outbox effect written with
 * the renewal's booking, so a worker dying between the two cannot leave the customer with both holds. The customer
 * is charged nothing extra and the ledger moves nothing (the amount stays held). A renewal and the job's capture,
 * void or cancellation fee never use the hold at once (`startHoldRenewal` / `startHoldStep`). If the card refuses,
 * the payment records why (`failureReason`, shown to admins) and the old hold is kept until it lapses.
 */
import { env } from "@/env";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import type { PaymentsContext } from "../context";
import type { Hold } from "../gateway/gateway";
import { dispatchOutbox, writeOutbox, type OutboxRow } from "@/server/outbox/outbox";
import { releaseReplacedHold } from "../effects";
import { bookHoldRenewal, endHoldRenewal, findOperationResult, getJobPayment, runOnce, startHoldRenewal } from "../payment-book";
import { paymentKeys } from "../types";
import { jobGroup } from "./step";

export type RenewOutcome = { renewed: true; replayed: boolean } | { renewed: false; reason: string };

/** Network trouble, Stripe being down or rate limits: try again later. Anything else is the card's answer. */
function isTransient(err: unknown): boolean {
  const type = (err as { type?: unknown } | null)?.type;
  return !(err instanceof AppError) && (typeof type !== "string" || ["StripeConnectionError", "StripeAPIError", "StripeRateLimitError"].includes(type));
}

export async function renewHold(ctx: PaymentsContext, { jobId }: { jobId: string }): Promise<RenewOutcome> {
  const { db, gateway } = ctx;
  const before = await getJobPayment(db, jobId);
  if (before.status !== "AUTHORIZED" || before.prepaidVisitId || !before.heldAt) return { renewed: false, reason: `nothing held to renew (${before.status.toLowerCase()})` };
  // Only the gateway that made the hold can renew it (Stripe switched off: leave it alone).
  if (before.provider !== gateway.name) return { renewed: false, reason: `the hold was made by ${before.provider}` };
  // Renewed already (a repeated effect finds the new hold), or not due yet.
  if (before.heldAt.getTime() > Date.now() - env.HOLD_REFRESH_AFTER_HOURS * 3600_000) return { renewed: false, reason: "the hold is not due for renewal" };
  // A capture, void or fee is using the hold: retried with backoff (thrown), after which the hold is gone or still due.
  if (!(await startHoldRenewal(db, jobId))) {
    const now = await getJobPayment(db, jobId);
    if (now.status !== "AUTHORIZED") return { renewed: false, reason: `nothing held to renew (${now.status.toLowerCase()})` };
    throw new Error(`job ${jobId}: a money step is using the hold; the renewal is retried`);
  }
  try {
    const payment = await getJobPayment(db, jobId);
    const key = paymentKeys.renewHold(jobId, payment.heldAt!);
    if (await findOperationResult(db, key)) return { renewed: true, replayed: true };
    const { cardRef } = await gateway.holdStatus({ ref: payment.providerRef });
    let hold: Hold | null = null;
    let refusal: string | null = null;
    try {
      hold = await gateway.hold({
        key, customerId: payment.customerId, amountCents: payment.amountCents, savedCardRef: cardRef ?? undefined,
        metadata: { jobId, customerId: payment.customerId, renews: payment.providerRef ?? "" }, group: jobGroup(jobId),
      });
    } catch (err) {
      if (isTransient(err)) throw err;
      refusal = err instanceof Error ? err.message : String(err);
    }
    if (!hold?.held) {
      const reason = `The card hold could not be renewed${refusal ? `: ${refusal}` : ""}; it lapses a few days after ${payment.heldAt!.toISOString().slice(0, 10)}.`;
      await db.payment.updateMany({ where: { jobId, status: "AUTHORIZED" }, data: { failureReason: reason.slice(0, 500) } });
      if (hold?.ref) await gateway.releaseHold({ key: `${key}_release_new`, ref: hold.ref });
      logger.warn({ jobId, reason }, "a card hold could not be renewed");
      return { renewed: false, reason };
    }
    const oldRef = payment.providerRef;
    let release: OutboxRow[] = [];
    await runOnce(db, key, async (tx) => {
      const booked = await bookHoldRenewal(tx, { idempotencyKey: key, jobId, oldRef, newRef: hold.ref });
      if (oldRef) release = await writeOutbox(tx, [releaseReplacedHold(jobId, oldRef, `${key}_release_old`)]);
      return booked;
    });
    await dispatchOutbox(release);
    return { renewed: true, replayed: false };
  } finally {
    await endHoldRenewal(db, jobId);
  }
}

/** The outbox's `release-hold`: the replaced hold goes back to the card (the key makes a repeat a no-op). */
export async function releaseReplacedHoldNow(ctx: PaymentsContext, { ref, key }: { ref: string; key: string }): Promise<{ released: string }> {
  await ctx.gateway.releaseHold({ key, ref });
  return { released: ref };
}
