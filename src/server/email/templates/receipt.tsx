import { formatCents } from "@/lib/money";
import { defineEmail, EmailLayout, P } from "./layout";

/** Every money event the customer is charged or refunded for (src/server/payments/receipt-email.ts). */
export type ReceiptKind = "capture" | "cancellation-fee" | "refund" | "tip" | "visit-charge" | "visit-refund";

type Props = { kind: ReceiptKind; amountCents: number; address: string; date: string; reference: string; url: string; linkLabel: string };

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

export const isRefund = (kind: ReceiptKind) => kind === "refund" || kind === "visit-refund";

/** One receipt per money event, keyed by it (so a replayed operation sends none twice). */
export const receipt = defineEmail<Props>({
  subject: (p) => `Scoop receipt: ${TITLES[p.kind].toLowerCase()} (${formatCents(p.amountCents)})`,
  sample: {
    kind: "capture", amountCents: 2500, address: "12 Oak St, Park Slope, Brooklyn", date: "2027-03-12", reference: "op_sample",
    url: "http://localhost:3000/jobs/sample", linkLabel: "View the job",
  },
  Component: (p) => (
    <EmailLayout preview={TITLES[p.kind]} title={TITLES[p.kind]} action={{ label: p.linkLabel, url: p.url }}>
      <P>
        {isRefund(p.kind) ? "We refunded" : "We charged"} {formatCents(p.amountCents)} {WHAT[p.kind]} at {p.address}.
      </P>
      <P>
        Date: {p.date} · Reference: {p.reference}
      </P>
      <P>{isRefund(p.kind) ? "Refunds reach your card in 5–10 business days." : "Thank you for using Scoop."}</P>
    </EmailLayout>
  ),
});

export function isReceiptKind(kind: string): kind is ReceiptKind {
  return Object.hasOwn(TITLES, kind);
}
