/**
 * Receipts for every charge and refund, queued through the mail pipeline once per payment operation
 * (`dedupeKey: receipt:<operationId>`), so replaying an operation never sends a second receipt.
 * (The notifications issue ports templates to React Email; keep `receiptEmail`'s signature.)
 */
import { formatCents } from "@/lib/money";
import type { Db } from "@/server/db";
import { queueEmail } from "@/server/email/send-email";
import { appUrl, type RenderedEmail } from "@/server/email/templates";
import { logger } from "@/server/logger";
import type { PaymentResult } from "./provider";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export type ReceiptKind = "capture" | "cancellation-fee" | "refund" | "tip" | "visit-charge" | "visit-refund";

const TITLES: Record<ReceiptKind, string> = {
  capture: "Your cleanup is paid",
  "cancellation-fee": "Cancellation fee charged",
  refund: "Your refund is on its way",
  tip: "Thanks for your tip",
  "visit-charge": "Your next cleanup visit is paid",
  "visit-refund": "Your refund is on its way",
};

const WHAT: Record<ReceiptKind, string> = {
  capture: "for the cleanup",
  "cancellation-fee": "as the fee for cancelling a claimed cleanup",
  refund: "for the cleanup",
  tip: "as a tip for the cleanup",
  "visit-charge": "for the next visit of your recurring cleanup",
  "visit-refund": "for a paid visit of your recurring cleanup that will not take place",
};

export function receiptEmail(opts: {
  kind: ReceiptKind; amountCents: number; address: string; date: Date; reference: string; jobUrl: string; linkLabel?: string;
}): RenderedEmail {
  const refund = opts.kind === "refund" || opts.kind === "visit-refund";
  const verb = refund ? "We refunded" : "We charged";
  const link = opts.linkLabel ?? "View the job";
  const lines = [
    `${verb} ${formatCents(opts.amountCents)} ${WHAT[opts.kind]} at ${opts.address}.`,
    `Date: ${opts.date.toISOString().slice(0, 10)} · Reference: ${opts.reference}`,
    refund ? "Refunds reach your card in 5–10 business days." : "Thank you for using Scoop.",
  ];
  const body = lines.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join("");
  return {
    subject: `Scoop receipt: ${TITLES[opts.kind].toLowerCase()} (${formatCents(opts.amountCents)})`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:560px;margin:0 auto;padding:24px"><h1 style="font-size:20px">${escapeHtml(TITLES[opts.kind])}</h1>${body}<p><a href="${escapeHtml(opts.jobUrl)}">${escapeHtml(link)}</a></p><p style="font-size:12px;color:#64748b">Scoop · yard cleanups</p></body></html>`,
    text: `${lines.join("\n\n")}\n\n${link}: ${opts.jobUrl}\n`,
  };
}

function isReceiptKind(kind: string): kind is ReceiptKind {
  return kind in TITLES;
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
      ...receiptEmail({ kind: result.kind, amountCents: result.amountCents, address: job.address, date: op.createdAt, reference: result.operationId, jobUrl: appUrl(`/jobs/${job.id}`) }),
    });
  } catch (err) {
    logger.error({ err, operationId: result.operationId }, "could not queue a payment receipt");
  }
  return result;
}

/**
 * Receipts of a recurring cleanup's own money (Stripe billing): a paid invoice (one prepaid visit) and the refund of
 * a visit no job used. `reference` is the invoice or refund key, so a replay sends nothing twice. Logged, never thrown.
 */
export async function queueVisitReceipt(
  db: Db,
  input: { kind: "visit-charge" | "visit-refund"; recurringId: string; amountCents: number; reference: string },
): Promise<void> {
  try {
    const sub = await db.recurringCleanup.findUnique({
      where: { id: input.recurringId }, select: { id: true, address: true, customer: { select: { id: true, email: true, notificationEmail: true } } },
    });
    if (!sub) return;
    await queueEmail(db, {
      kind: `receipt-${input.kind}`,
      to: sub.customer.notificationEmail ?? sub.customer.email,
      userId: sub.customer.id,
      dedupeKey: `receipt:${input.reference}`,
      ...receiptEmail({
        kind: input.kind, amountCents: input.amountCents, address: sub.address, date: new Date(), reference: input.reference,
        jobUrl: appUrl(`/recurring/${sub.id}`), linkLabel: "View your recurring cleanup",
      }),
    });
  } catch (err) {
    logger.error({ err, recurringId: input.recurringId, reference: input.reference }, "could not queue a visit receipt");
  }
}
