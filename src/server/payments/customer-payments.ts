/**
 * A customer's receipts: every money step on their jobs, read from the payment operations the ledger books (one
 * per authorize, capture, void, cancellation fee, refund and tip, whichever provider moved the money), newest job
 * first. "Charged" is what left the customer's card for good: captures, cancellation fees and tips, less refunds.
 */
import { z } from "zod";
import type { Tx } from "@/server/db";

export const RECEIPT_KINDS = ["authorize", "capture", "void", "cancellation-fee", "refund", "tip"] as const;

export const customerPaymentsSchema = z.object({
  totals: z.object({ chargedCents: z.number().int(), heldCents: z.number().int(), refundedCents: z.number().int() }),
  jobs: z.array(
    z.object({
      jobId: z.string(),
      address: z.string(),
      status: z.string(),
      /** What is held on the card now (authorized, neither captured nor released). */
      heldCents: z.number().int(),
      chargedCents: z.number().int(),
      lines: z.array(z.object({ kind: z.enum(RECEIPT_KINDS), amountCents: z.number().int(), at: z.date() })),
    }),
  ),
});
export type CustomerPayments = z.infer<typeof customerPaymentsSchema>;

const CHARGED: Partial<Record<(typeof RECEIPT_KINDS)[number], 1 | -1>> = { capture: 1, "cancellation-fee": 1, tip: 1, refund: -1 };
const isReceiptKind = (k: string): k is (typeof RECEIPT_KINDS)[number] => (RECEIPT_KINDS as readonly string[]).includes(k);

export async function customerPayments(db: Tx, customerId: string, opts: { limit?: number } = {}): Promise<CustomerPayments> {
  const payments = await db.payment.findMany({
    where: { customerId },
    orderBy: { createdAt: "desc" },
    take: opts.limit ?? 100,
    select: {
      jobId: true, status: true, amountCents: true,
      job: { select: { address: true, status: true } },
      operations: { orderBy: { createdAt: "asc" }, select: { kind: true, amountCents: true, createdAt: true } },
    },
  });
  const jobs = payments.map((p) => {
    const lines = p.operations.filter((o) => isReceiptKind(o.kind)).map((o) => ({ kind: o.kind as (typeof RECEIPT_KINDS)[number], amountCents: o.amountCents, at: o.createdAt }));
    const chargedCents = lines.reduce((sum, l) => sum + (CHARGED[l.kind] ?? 0) * l.amountCents, 0);
    const settled = lines.some((l) => l.kind === "capture" || l.kind === "void" || l.kind === "cancellation-fee");
    const heldCents = p.status === "AUTHORIZED" && !settled ? p.amountCents : 0;
    return { jobId: p.jobId, address: p.job.address, status: p.job.status, heldCents, chargedCents, lines };
  });
  const sum = (pick: (j: (typeof jobs)[number]) => number) => jobs.reduce((acc, j) => acc + pick(j), 0);
  return {
    totals: {
      chargedCents: sum((j) => j.chargedCents),
      heldCents: sum((j) => j.heldCents),
      refundedCents: sum((j) => j.lines.filter((l) => l.kind === "refund").reduce((a, l) => a + l.amountCents, 0)),
    },
    jobs,
  };
}
