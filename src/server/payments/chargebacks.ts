/**
 * What Stripe tells us about money that moved without us: a card dispute (chargeback) opened or closed against a
 * job's charge, and a hold that lapsed (Stripe cancelled an uncaptured PaymentIntent by itself). Each is recorded
 * once, inside the webhook event's transaction, and booked on the ledger so the books still match Stripe.
 */
import { z } from "zod";
import type { Tx } from "@/server/db";
import { logger } from "@/server/logger";
import { bookChargeback, bookVoid, findOperationResult } from "./payment-book";
import { paymentKeys } from "./types";

export type ChargebackEvent = { id: string; paymentIntentRef: string | null; chargeRef: string | null; amountCents: number; reason: string; status: string };

async function paymentOf(tx: Tx, event: Pick<ChargebackEvent, "paymentIntentRef" | "chargeRef">) {
  const where = [
    ...(event.paymentIntentRef ? [{ providerRef: event.paymentIntentRef }, { tipTransferRef: event.paymentIntentRef }] : []),
    ...(event.chargeRef ? [{ chargeRef: event.chargeRef }] : []),
  ];
  if (where.length === 0) return null;
  return tx.payment.findFirst({ where: { OR: where }, select: { id: true, jobId: true, customerId: true } });
}

/** An inquiry (`warning_*`): the bank asks questions, no money is withdrawn. Recorded, not booked, posting not held. */
const isInquiry = (status: string) => status.startsWith("warning_");

/**
 * `charge.dispute.created`: the row and, unless it is only an inquiry, the ledger booking. Returns the customer
 * whose posting is to be held, or null.
 */
export async function recordChargebackOpened(tx: Tx, event: ChargebackEvent): Promise<{ customerId: string; jobId: string } | null> {
  const payment = await paymentOf(tx, event);
  if (!payment) {
    logger.warn({ disputeId: event.id }, "a chargeback for a charge Scoop does not know");
    return null;
  }
  const created = await tx.chargeback.createMany({
    data: [{ paymentId: payment.id, jobId: payment.jobId, providerRef: event.id, amountCents: event.amountCents, reason: event.reason, status: event.status }],
    skipDuplicates: true,
  });
  if (created.count === 0 || isInquiry(event.status)) return null;
  await bookChargeback(tx, { idempotencyKey: `chargeback_${event.id}`, paymentId: payment.id, amountCents: event.amountCents, won: false });
  return { customerId: payment.customerId, jobId: payment.jobId };
}

/** `charge.dispute.closed` (or `updated`): the status; a dispute won returns the money to the platform's books. */
export async function recordChargebackUpdated(tx: Tx, event: ChargebackEvent, closed: boolean): Promise<{ outcome: string; opened: { customerId: string; jobId: string } | null }> {
  let row = await tx.chargeback.findUnique({ where: { providerRef: event.id }, select: { paymentId: true, closedAt: true, status: true } });
  let opened: { customerId: string; jobId: string } | null = null;
  // Seen before its `created` event (delivered late, or retried): record it now, as if opened with this status.
  if (!row) {
    opened = await recordChargebackOpened(tx, event);
    row = await tx.chargeback.findUnique({ where: { providerRef: event.id }, select: { paymentId: true, closedAt: true, status: true } });
    if (!row) return { outcome: "ignored", opened: null };
  }
  // An inquiry that became a real dispute: the money is withdrawn now.
  const lostKey = `chargeback_${event.id}`;
  if (!isInquiry(event.status) && !(await findOperationResult(tx, lostKey))) {
    await bookChargeback(tx, { idempotencyKey: lostKey, paymentId: row.paymentId, amountCents: event.amountCents, won: false });
    if (!opened) {
      const payment = await tx.payment.findUniqueOrThrow({ where: { id: row.paymentId }, select: { customerId: true, jobId: true } });
      opened = { customerId: payment.customerId, jobId: payment.jobId };
    }
  }
  await tx.chargeback.update({ where: { providerRef: event.id }, data: { status: event.status, ...(closed && !row.closedAt ? { closedAt: new Date() } : {}) } });
  const wonKey = `chargeback_${event.id}_won`;
  if (closed && event.status === "won" && (await findOperationResult(tx, lostKey)) && !(await findOperationResult(tx, wonKey))) {
    await bookChargeback(tx, { idempotencyKey: wonKey, paymentId: row.paymentId, amountCents: event.amountCents, won: true });
  }
  return { outcome: closed ? `chargeback-${event.status}` : "chargeback-updated", opened };
}

/**
 * `payment_intent.canceled` with `cancellation_reason: "automatic"`: the hold lapsed before we captured it (the
 * renewal failed or came too late). The payment is voided with the job's own void key — so a later void of the job
 * is a replay, and a capture is refused (CONFLICT, visible on /admin/queues) — and the reason is kept for admins.
 */
export async function recordHoldLapsed(tx: Tx, intentId: string): Promise<string | null> {
  const payment = await tx.payment.findUnique({ where: { providerRef: intentId }, select: { jobId: true, status: true } });
  if (!payment || (payment.status !== "AUTHORIZED" && payment.status !== "PENDING")) return null;
  await bookVoid(tx, { idempotencyKey: paymentKeys.void(payment.jobId), jobId: payment.jobId });
  await tx.payment.update({ where: { jobId: payment.jobId }, data: { failureReason: "The card hold lapsed before the job was charged." } });
  logger.warn({ jobId: payment.jobId }, "a card hold lapsed before it was captured");
  return payment.jobId;
}

export const chargebackRowSchema = z.object({
  id: z.string(),
  jobId: z.string(),
  amountCents: z.number().int(),
  reason: z.string(),
  status: z.string(),
  openedAt: z.date(),
  closedAt: z.date().nullable(),
  customer: z.object({ id: z.string(), email: z.string(), postingHeld: z.boolean() }),
});
export type ChargebackRow = z.infer<typeof chargebackRowSchema>;

export async function listChargebacks(db: Tx, take = 100): Promise<ChargebackRow[]> {
  const rows = await db.chargeback.findMany({
    orderBy: { openedAt: "desc" },
    take,
    select: {
      id: true, jobId: true, amountCents: true, reason: true, status: true, openedAt: true, closedAt: true,
      payment: { select: { customerId: true } },
    },
  });
  const customers = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.payment.customerId))] } },
    select: { id: true, email: true, postingHeldAt: true },
  });
  const byId = new Map(customers.map((c) => [c.id, c]));
  return rows.map(({ payment, ...row }) => {
    const customer = byId.get(payment.customerId);
    return { ...row, customer: { id: payment.customerId, email: customer?.email ?? "", postingHeld: !!customer?.postingHeldAt } };
  });
}
