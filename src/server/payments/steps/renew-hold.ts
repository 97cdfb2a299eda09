/**
 * Renew a hold (Stripe): a card hold lapses about seven days after it is made, and a job can stay uncaptured longer
 * (a long dispute, a late confirmation). The worker renews a hold older than HOLD_REFRESH_AFTER_HOURS: a new hold
 * of the same amount on the same card, off-session, then the old one is released. The customer is charged nothing
 * extra and the ledger moves nothing (the amount stays held). If the card refuses, the payment records why
 * (`failureReason`, shown to admins) and the old hold is kept until it lapses; the job's own steps go on as before.
 */
import { env } from "@/env";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import type { PaymentsContext } from "../context";
import { bookHoldRenewal, findOperationResult, getJobPayment, runOnce } from "../payment-book";
import { paymentKeys } from "../types";
import { jobGroup } from "./step";

export type RenewOutcome = { renewed: true; replayed: boolean } | { renewed: false; reason: string };

export async function renewHold(ctx: PaymentsContext, { jobId }: { jobId: string }): Promise<RenewOutcome> {
  const { db, gateway } = ctx;
  const payment = await getJobPayment(db, jobId);
  if (payment.status !== "AUTHORIZED" || payment.prepaidVisitId || !payment.heldAt) return { renewed: false, reason: `nothing held to renew (${payment.status.toLowerCase()})` };
  // Renewed already (a repeated effect finds the new hold), or not due yet.
  if (payment.heldAt.getTime() > Date.now() - env.HOLD_REFRESH_AFTER_HOURS * 3600_000) return { renewed: false, reason: "the hold is not due for renewal" };
  const key = paymentKeys.renewHold(jobId, payment.heldAt);
  if (await findOperationResult(db, key)) return { renewed: true, replayed: true };
  const { cardRef } = await gateway.holdStatus({ ref: payment.providerRef });
  let hold;
  try {
    hold = await gateway.hold({
      key, customerId: payment.customerId, amountCents: payment.amountCents, savedCardRef: cardRef ?? undefined,
      metadata: { jobId, customerId: payment.customerId, renews: payment.providerRef ?? "" }, group: jobGroup(jobId),
    });
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== "PRECONDITION_FAILED") throw err;
    hold = { ref: null, held: false, clientSecret: null, refusal: err.message };
  }
  if (!hold.held) {
    const reason = `The card hold could not be renewed${"refusal" in hold ? `: ${hold.refusal}` : ""}; it lapses about 7 days after ${payment.heldAt.toISOString().slice(0, 10)}.`;
    await db.payment.updateMany({ where: { jobId, status: "AUTHORIZED" }, data: { failureReason: reason.slice(0, 500) } });
    if (hold.ref) await gateway.releaseHold({ key: `${key}_release_new`, ref: hold.ref });
    logger.warn({ jobId, reason }, "a card hold could not be renewed");
    return { renewed: false, reason };
  }
  try {
    await runOnce(db, key, (tx) => bookHoldRenewal(tx, { idempotencyKey: key, jobId, oldRef: payment.providerRef, newRef: hold.ref }));
  } catch (err) {
    // Captured or released meanwhile: the new hold is not needed.
    if (err instanceof AppError && err.code === "CONFLICT") {
      await gateway.releaseHold({ key: `${key}_release_new`, ref: hold.ref });
      return { renewed: false, reason: err.message };
    }
    throw err;
  }
  await gateway.releaseHold({ key: `${key}_release_old`, ref: payment.providerRef });
  return { renewed: true, replayed: false };
}
