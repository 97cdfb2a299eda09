import { formatTime } from "@/lib/format-date";
import { defineEmail, EmailLayout, P } from "./layout";

/** `startBy` (the claim's start deadline) is shown as a time of day in `timeZone`, in the recipient's language. */
type Props = { address: string; scooperName: string; startBy: Date | null; timeZone: string; jobUrl: string };

export const jobClaimed = defineEmail<Props>({
  subject: (_, { t }) => t("jobClaimed.subject"),
  sample: {
    address: "12 Oak St, Park Slope, Brooklyn", scooperName: "Sam", startBy: new Date("2027-03-16T23:30:00Z"), timeZone: "America/New_York",
    jobUrl: "http://localhost:3000/jobs/sample",
  },
  Component: ({ address, scooperName, startBy, timeZone, jobUrl, t, locale }) => (
    <EmailLayout locale={locale} preview={t("jobClaimed.preview", { scooperName })} title={t("jobClaimed.title")} action={{ label: t("jobClaimed.action"), url: jobUrl }}>
      <P>{t("jobClaimed.body", { scooperName, address })}</P>
      {startBy && <P>{t("jobClaimed.startBy", { startBy: formatTime(startBy, { timeZone, locale }) })}</P>}
    </EmailLayout>
  ),
});
