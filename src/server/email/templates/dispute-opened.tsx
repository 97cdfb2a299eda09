import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; reason: string; jobUrl: string; audience: "scooper" | "admin" };

export const disputeOpened = defineEmail<Props>({
  subject: (_, { t }) => t("disputeOpened.subject"),
  sample: { address: "12 Oak St, Park Slope, Brooklyn", reason: "Incomplete", jobUrl: "http://localhost:3000/jobs/sample", audience: "scooper" },
  Component: (p) => (
    <EmailLayout
      locale={p.locale}
      preview={p.t("disputeOpened.preview", { reason: p.reason })}
      title={p.t("disputeOpened.subject")}
      action={{ label: p.t(p.audience === "admin" ? "disputeOpened.actionAdmin" : "disputeOpened.actionScooper"), url: p.jobUrl }}
    >
      <P>{p.t("disputeOpened.body", { address: p.address, reason: p.reason })}</P>
    </EmailLayout>
  ),
});
