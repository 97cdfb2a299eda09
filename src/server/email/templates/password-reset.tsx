import { defineEmail, EmailLayout, P } from "./layout";

type Props = { resetUrl: string; ttlMinutes: number };

export const passwordReset = defineEmail<Props>({
  subject: (_, { t }) => t("passwordReset.subject"),
  sample: { resetUrl: "http://localhost:3000/reset-password?token=sample", ttlMinutes: 60 },
  Component: ({ resetUrl, ttlMinutes, t, locale }) => (
    <EmailLayout locale={locale} preview={t("passwordReset.subject")} title={t("passwordReset.title")} action={{ label: t("passwordReset.action"), url: resetUrl }}>
      <P>{t("passwordReset.intro")}</P>
      <P>{t("passwordReset.body", { minutes: ttlMinutes })}</P>
    </EmailLayout>
  ),
});
