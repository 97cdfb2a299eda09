import { defineEmail, EmailLayout, P } from "./layout";

/** Every money event the customer is charged or refunded for (src/server/payments/receipt-email.ts). */
export type ReceiptKind = "capture" | "cancellation-fee" | "refund" | "tip" | "visit-charge" | "visit-refund";

/** `linkLabel` names the button: the job page or the recurring cleanups page. */
type Props = { kind: ReceiptKind; amountCents: number; address: string; date: string; reference: string; url: string; linkLabel: "viewJob" | "viewRecurring" };

const RECEIPT_KINDS = ["capture", "cancellation-fee", "refund", "tip", "visit-charge", "visit-refund"] as const satisfies readonly ReceiptKind[];

/** The kind as the select key of messages/<locale>/emails.json's receipt words. */
const wordsKey = (kind: ReceiptKind) => kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

export const isRefund = (kind: ReceiptKind) => kind === "refund" || kind === "visit-refund";

/** One receipt per money event, keyed by it (so a replayed operation sends none twice). */
export const receipt = defineEmail<Props>({
  subject: (p, { t, money }) => t("receipt.subject", { kind: wordsKey(p.kind), amount: money(p.amountCents) }),
  sample: {
    kind: "capture", amountCents: 2500, address: "12 Oak St, Park Slope, Brooklyn", date: "2027-03-12", reference: "op_sample",
    url: "http://localhost:3000/jobs/sample", linkLabel: "viewJob",
  },
  Component: (p) => (
    <EmailLayout locale={p.locale} preview={p.t("receipt.title", { kind: wordsKey(p.kind) })} title={p.t("receipt.title", { kind: wordsKey(p.kind) })} action={{ label: p.t(`receipt.${p.linkLabel}`), url: p.url }}>
      <P>{p.t("receipt.body", { refund: isRefund(p.kind) ? "yes" : "no", amount: p.money(p.amountCents), kind: wordsKey(p.kind), address: p.address })}</P>
      <P>{p.t("receipt.meta", { date: p.date, reference: p.reference })}</P>
      <P>{p.t(isRefund(p.kind) ? "receipt.refundTiming" : "receipt.thanks")}</P>
    </EmailLayout>
  ),
});

export function isReceiptKind(kind: string): kind is ReceiptKind {
  return (RECEIPT_KINDS as readonly string[]).includes(kind);
}
