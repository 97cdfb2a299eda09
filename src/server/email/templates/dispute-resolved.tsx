import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; outcome: "RELEASE" | "PARTIAL_REFUND" | "FULL_REFUND"; refundCents: number; jobUrl: string };

export const disputeResolved = defineEmail<Props>({
  subject: (_, { t }) => t("disputeResolved.subject"),
  sample: { address: "12 Oak St, Park Slope, Brooklyn", outcome: "PARTIAL_REFUND", refundCents: 1000, jobUrl: "http://localhost:3000/jobs/sample" },
  Component: (p) => (
    <EmailLayout locale={p.locale} preview={p.t("disputeResolved.outcome", { outcome: p.outcome })} title={p.t("disputeResolved.title")} action={{ label: p.t("disputeResolved.action"), url: p.jobUrl }}>
      <P>{p.t("disputeResolved.body", { address: p.address })}</P>
      <P>
        {p.t("disputeResolved.outcome", { outcome: p.outcome })}
        {p.refundCents > 0 ? ` ${p.t("disputeResolved.refund", { amount: p.money(p.refundCents) })}` : ""}
      </P>
    </EmailLayout>
  ),
});
