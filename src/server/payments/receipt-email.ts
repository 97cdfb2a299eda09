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

export type ReceiptKind = "capture" | "cancellation-fee" | "refund" | "tip";

const TITLES: Record<ReceiptKind, string> = {
  capture: "Your cleanup is paid",
  "cancellation-fee": "Cancellation fee charged",
  refund: "Your refund is on its way",
  tip: "Thanks for your tip",
};

export function receiptEmail(opts: { kind: ReceiptKind; amountCents: number; address: string; date: Date; reference: string; jobUrl: string }): RenderedEmail {
  const verb = opts.kind === "refund" ? "We refunded" : "We charged";
  const what = { capture: "for the cleanup", "cancellation-fee": "as the fee for cancelling a claimed cleanup", refund: "for the cleanup", tip: "as a tip for the cleanup" }[opts.kind];
  const lines = [
    `${verb} ${formatCents(opts.amountCents)} ${what} at ${opts.address}.`,
    `Date: ${opts.date.toISOString().slice(0, 10)} · Reference: ${opts.reference}`,
    opts.kind === "refund" ? "Refunds reach your card in 5–10 business days." : "Thank you for using Scoop.",
  ];
  const body = lines.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join("");
  return {
    subject: `Scoop receipt: ${TITLES[opts.kind].toLowerCase()} (${formatCents(opts.amountCents)})`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:560px;margin:0 auto;padding:24px"><h1 style="font-size:20px">${escapeHtml(TITLES[opts.kind])}</h1>${body}<p><a href="${escapeHtml(opts.jobUrl)}">View the job</a></p><p style="font-size:12px;color:#64748b">Scoop · yard cleanups</p></body></html>`,
    text: `${lines.join("\n\n")}\n\nView the job: ${opts.jobUrl}\n`,
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
