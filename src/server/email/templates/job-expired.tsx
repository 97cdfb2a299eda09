import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; repostUrl: string };

export const jobExpired = defineEmail<Props>({
  subject: (_, { t }) => t("jobExpired.subject"),
  sample: { address: "12 Oak St, Park Slope, Brooklyn", repostUrl: "http://localhost:3000/jobs/sample/repost" },
  Component: ({ address, repostUrl, t, locale }) => (
    <EmailLayout locale={locale} preview={t("jobExpired.preview")} title={t("jobExpired.title")} action={{ label: t("jobExpired.action"), url: repostUrl }}>
      <P>{t("jobExpired.body", { address })}</P>
      <P>{t("jobExpired.repost")}</P>
    </EmailLayout>
  ),
});
