import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; startBy: string; jobUrl: string };

export const jobRetry = defineEmail<Props>({
  subject: (_, { t }) => t("jobRetry.subject"),
  sample: { address: "12 Oak St, Park Slope, Brooklyn", startBy: "7:30 PM", jobUrl: "http://localhost:3000/jobs/sample" },
  Component: ({ address, startBy, jobUrl, t, locale }) => (
    <EmailLayout locale={locale} preview={t("jobRetry.preview")} title={t("jobRetry.title")} action={{ label: t("jobRetry.action"), url: jobUrl }}>
      <P>{t("jobRetry.body", { address, startBy })}</P>
    </EmailLayout>
  ),
});
