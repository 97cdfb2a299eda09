import { formatTime } from "@/lib/format-date";
import { defineEmail, EmailLayout, P } from "./layout";

/** `startBy` is shown as a time of day in `timeZone`, in the recipient's language. */
type Props = { address: string; startBy: Date; timeZone: string; jobUrl: string };

export const jobRetry = defineEmail<Props>({
  subject: (_, { t }) => t("jobRetry.subject"),
  sample: { address: "12 Oak St, Park Slope, Brooklyn", startBy: new Date("2027-03-16T23:30:00Z"), timeZone: "America/New_York", jobUrl: "http://localhost:3000/jobs/sample" },
  Component: ({ address, startBy, timeZone, jobUrl, t, locale }) => (
    <EmailLayout locale={locale} preview={t("jobRetry.preview")} title={t("jobRetry.title")} action={{ label: t("jobRetry.action"), url: jobUrl }}>
      <P>{t("jobRetry.body", { address, startBy: formatTime(startBy, { timeZone, locale }) })}</P>
    </EmailLayout>
  ),
});
