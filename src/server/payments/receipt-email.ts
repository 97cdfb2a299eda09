/**
 * Receipts for every charge and refund, one per money event: queued through the mail pipeline once per payment
 * operation (`dedupeKey: receipt:<operationId>`), so replaying an operation never sends a second receipt. The
 * poster's confirmation notification sends no email of its own: this receipt is the one. Rendered from the React
 * Email template `receipt` (src/server/email/templates/receipt.tsx).
 */
import type { Db, Tx } from "@/server/db";
import { queueEmail } from "@/server/email/send-email";
import { appUrl } from "@/server/email/templates";
import { isReceiptKind, receipt, type ReceiptKind } from "@/server/email/templates/receipt";
import { recipientLocale } from "@/server/i18n/caller-locale";
import { logger } from "@/server/logger";
import type { PaymentResult } from "./types";

/** In the customer's saved language (English when they chose none). */
async function receiptEmail(
  db: Tx,
  customerId: string,
  opts: { kind: ReceiptKind; amountCents: number; address: string; date: Date; reference: string; url: string; linkLabel?: "viewJob" | "viewRecurring" },
) {
  const locale = await recipientLocale(db, customerId);
  return receipt.render({ ...opts, date: opts.date.toISOString().slice(0, 10), linkLabel: opts.linkLabel ?? "viewJob", locale });
}

/**
 * Queues the customer's receipt for a charge or refund (other kinds are ignored). Called after the operation
 * committed, also for replays: the dedupe key makes that a no-op, and re-enqueues a receipt whose first enqueue
 * was lost. A failure here is logged, never thrown: the money has moved and the caller must not retry it.
 */
export async function queueReceiptFor(db: Db, result: PaymentResult): Promise<PaymentResult> {
  if (!isReceiptKind(result.kind)) return result;
  try {
    const op = await db.paymentOperation.findUniqueOrThrow({
      where: { id: result.operationId },
      select: { createdAt: true, payment: { select: { job: { select: { id: true, address: true, poster: { select: { id: true, email: true, notificationEmail: true } } } } } } },
    });
    const { job } = op.payment;
    await queueEmail(db, {
      kind: `receipt-${result.kind}`,
      to: job.poster.notificationEmail ?? job.poster.email,
      userId: job.poster.id,
      dedupeKey: `receipt:${result.operationId}`,
      ...(await receiptEmail(db, job.poster.id, { kind: result.kind, amountCents: result.amountCents, address: job.address, date: op.createdAt, reference: result.operationId, url: appUrl(`/jobs/${job.id}`) })),
    });
  } catch (err) {
    logger.error({ err, operationId: result.operationId }, "could not queue a payment receipt");
  }
  return result;
}

/**
 * Receipts of a recurring cleanup's own money (Stripe billing): a paid invoice (one prepaid visit) and the refund of
 * a visit no job used. `reference` is the invoice or refund key, so a replay sends nothing twice. Throws, so it can
 * run inside the transaction that records the money (the receipt is then written exactly when the money is).
 */
export async function writeVisitReceipt(
  db: Tx,
  input: { kind: "visit-charge" | "visit-refund"; recurringId: string; amountCents: number; reference: string },
): Promise<void> {
  const sub = await db.recurringCleanup.findUnique({
    where: { id: input.recurringId }, select: { id: true, address: true, customer: { select: { id: true, email: true, notificationEmail: true } } },
  });
  if (!sub) return;
  let rendered;
  try {
    rendered = await receiptEmail(db, sub.customer.id, {
      kind: input.kind, amountCents: input.amountCents, address: sub.address, date: new Date(), reference: input.reference,
      url: appUrl(`/recurring/${sub.id}`), linkLabel: "viewRecurring",
    });
  } catch (err) {
    // A template that cannot render must not stop the money from being recorded (this may run in its transaction).
    logger.error({ err, recurringId: input.recurringId, reference: input.reference }, "could not render a visit receipt");
    return;
  }
  await queueEmail(db, {
    kind: `receipt-${input.kind}`,
    to: sub.customer.notificationEmail ?? sub.customer.email,
    userId: sub.customer.id,
    dedupeKey: `receipt:${input.reference}`,
    ...rendered,
  });
}

/** `writeVisitReceipt` after the money moved outside a transaction: logged, never thrown (the money has moved). */
export async function queueVisitReceipt(db: Db, input: Parameters<typeof writeVisitReceipt>[1]): Promise<void> {
  try {
    await writeVisitReceipt(db, input);
  } catch (err) {
    logger.error({ err, recurringId: input.recurringId, reference: input.reference }, "could not queue a visit receipt");
  }
}
