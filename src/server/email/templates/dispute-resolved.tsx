import { formatCents } from "@/lib/money";
import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; outcome: "RELEASE" | "PARTIAL_REFUND" | "FULL_REFUND"; refundCents: number; jobUrl: string };

const OUTCOME: Record<Props["outcome"], string> = {
  RELEASE: "The payment was released to the scooper.",
  PARTIAL_REFUND: "Part of the payment was refunded to the customer.",
  FULL_REFUND: "The payment was refunded to the customer in full.",
};

export const disputeResolved = defineEmail<Props>({
  subject: () => "Your dispute was resolved",
  sample: { address: "12 Oak St, Park Slope, Brooklyn", outcome: "PARTIAL_REFUND", refundCents: 1000, jobUrl: "http://localhost:3000/jobs/sample" },
  Component: (p) => (
    <EmailLayout preview={OUTCOME[p.outcome]} title="Dispute resolved" action={{ label: "View the job", url: p.jobUrl }}>
      <P>An admin resolved the dispute about the cleanup at {p.address}.</P>
      <P>
        {OUTCOME[p.outcome]}
        {p.refundCents > 0 ? ` Refund: ${formatCents(p.refundCents)}.` : ""}
      </P>
    </EmailLayout>
  ),
});
