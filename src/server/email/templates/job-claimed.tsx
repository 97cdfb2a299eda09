import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; scooperName: string; jobUrl: string };

export const jobClaimed = defineEmail<Props>({
  subject: (_, { t }) => t("jobClaimed.subject"),
  sample: { address: "12 Oak St, Park Slope, Brooklyn", scooperName: "Sam", jobUrl: "http://localhost:3000/jobs/sample" },
  Component: ({ address, scooperName, jobUrl, t, locale }) => (
    <EmailLayout locale={locale} preview={t("jobClaimed.preview", { scooperName })} title={t("jobClaimed.title")} action={{ label: t("jobClaimed.action"), url: jobUrl }}>
      <P>{t("jobClaimed.body", { scooperName, address })}</P>
    </EmailLayout>
  ),
});
