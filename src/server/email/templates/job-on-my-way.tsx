import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; scooperName: string; etaMinutes: number | null; etaLocalTime: string | null; jobUrl: string };

export const jobOnMyWay = defineEmail<Props>({
  subject: ({ scooperName }, { t }) => t("jobOnMyWay.subject", { scooperName }),
  sample: { address: "12 Oak St, Park Slope, Brooklyn", scooperName: "Sam", etaMinutes: 12, etaLocalTime: "3:42 PM", jobUrl: "http://localhost:3000/jobs/sample" },
  Component: ({ address, scooperName, etaMinutes, etaLocalTime, jobUrl, t, locale }) => (
    <EmailLayout locale={locale} preview={t("jobOnMyWay.preview", { scooperName })} title={t("jobOnMyWay.title")} action={{ label: t("jobOnMyWay.action"), url: jobUrl }}>
      <P>
        {t("jobOnMyWay.body", { scooperName, address })}
        {etaMinutes !== null && etaLocalTime !== null ? ` ${t("jobOnMyWay.eta", { time: etaLocalTime, minutes: etaMinutes })}` : ""}
      </P>
      <P>{t("jobOnMyWay.gate")}</P>
    </EmailLayout>
  ),
});
