import { durationUnit } from "@/lib/duration-words";
import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; takeHomeCents: number; windowMinutes: number; jobUrl: string };

/** To a customer's preferred scooper: a recurring visit is theirs to claim first, for a while. */
export const jobReserved = defineEmail<Props>({
  subject: (_, { t }) => t("jobReserved.subject"),
  sample: { address: "12 Oak St, Park Slope, Brooklyn", takeHomeCents: 1530, windowMinutes: 120, jobUrl: "http://localhost:3000/jobs/sample" },
  Component: ({ address, takeHomeCents, windowMinutes, jobUrl, t, locale, money }) => (
    <EmailLayout locale={locale} preview={t("jobReserved.preview")} title={t("jobReserved.title")} action={{ label: t("jobReserved.action"), url: jobUrl }}>
      <P>{t("jobReserved.body", { address, amount: money(takeHomeCents) })}</P>
      <P>{t("jobReserved.window", durationUnit(windowMinutes))}</P>
    </EmailLayout>
  ),
});
