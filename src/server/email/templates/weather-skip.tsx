import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; serviceDate: string; reason: string; manageUrl: string };

/** An admin skipped a recurring visit for bad weather: the customer is told the date and why. */
export const weatherSkip = defineEmail<Props>({
  subject: ({ serviceDate }, { t }) => t("weatherSkip.subject", { date: serviceDate }),
  sample: { address: "12 Oak St, Park Slope, Brooklyn", serviceDate: "2026-12-08", reason: "Snowstorm warning", manageUrl: "http://localhost:3000/recurring" },
  Component: ({ address, serviceDate, reason, manageUrl, t, locale }) => (
    <EmailLayout locale={locale} preview={t("weatherSkip.preview", { date: serviceDate })} title={t("weatherSkip.title")} action={{ label: t("weatherSkip.action"), url: manageUrl }}>
      <P>{t("weatherSkip.body", { address, date: serviceDate, reason })}</P>
      <P>{t("weatherSkip.nothingCharged")}</P>
    </EmailLayout>
  ),
});
