import type { DisputeReason } from "@/generated/prisma/enums";
import { defineEmail, EmailLayout, P } from "./layout";

/** `reason` is the dispute's code, worded in the recipient's language. */
type Props = { address: string; reason: DisputeReason; jobUrl: string; audience: "scooper" | "admin" };

export const disputeOpened = defineEmail<Props>({
  subject: (_, { t }) => t("disputeOpened.subject"),
  sample: { address: "12 Oak St, Park Slope, Brooklyn", reason: "INCOMPLETE", jobUrl: "http://localhost:3000/jobs/sample", audience: "scooper" },
  Component: (p) => (
    <EmailLayout
      locale={p.locale}
      preview={p.t("disputeOpened.preview", { reason: p.t("words.disputeReason", { reason: p.reason }) })}
      title={p.t("disputeOpened.subject")}
      action={{ label: p.t(p.audience === "admin" ? "disputeOpened.actionAdmin" : "disputeOpened.actionScooper"), url: p.jobUrl }}
    >
      <P>{p.t("disputeOpened.body", { address: p.address, reason: p.t("words.disputeReason", { reason: p.reason }) })}</P>
    </EmailLayout>
  ),
});
