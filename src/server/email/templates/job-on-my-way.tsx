import { formatTime } from "@/lib/format-date";
import { defineEmail, EmailLayout, P } from "./layout";

/** `etaAt` (the estimated arrival) is shown as a time of day in `timeZone`, in the recipient's language. */
type Props = { address: string; scooperName: string; etaMinutes: number | null; etaAt: Date | null; timeZone: string; jobUrl: string };

export const jobOnMyWay = defineEmail<Props>({
  subject: ({ scooperName }, { t }) => t("jobOnMyWay.subject", { scooperName }),
  sample: {
    address: "12 Oak St, Park Slope, Brooklyn", scooperName: "Sam", etaMinutes: 12, etaAt: new Date("2027-03-16T19:42:00Z"), timeZone: "America/New_York",
    jobUrl: "http://localhost:3000/jobs/sample",
  },
  Component: ({ address, scooperName, etaMinutes, etaAt, timeZone, jobUrl, t, locale }) => (
    <EmailLayout locale={locale} preview={t("jobOnMyWay.preview", { scooperName })} title={t("jobOnMyWay.title")} action={{ label: t("jobOnMyWay.action"), url: jobUrl }}>
      <P>
        {t("jobOnMyWay.body", { scooperName, address })}
        {etaMinutes !== null && etaAt !== null ? ` ${t("jobOnMyWay.eta", { time: formatTime(etaAt, { timeZone, locale }), minutes: etaMinutes })}` : ""}
      </P>
      <P>{t("jobOnMyWay.gate")}</P>
    </EmailLayout>
  ),
});
