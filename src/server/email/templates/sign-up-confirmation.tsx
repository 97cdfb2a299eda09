import { defineEmail, EmailLayout, P } from "./layout";

type Props = { url: string };

export const signUpConfirmation = defineEmail<Props>({
  subject: (_, { t }) => t("signUpConfirmation.subject"),
  sample: { url: "http://localhost:3000/api/auth/callback/email?token=sample" },
  Component: ({ url, t, locale }) => (
    <EmailLayout locale={locale} preview={t("signUpConfirmation.preview")} title={t("signUpConfirmation.title")} action={{ label: t("signUpConfirmation.action"), url }}>
      <P>{t("signUpConfirmation.welcome")}</P>
      <P>{t("signUpConfirmation.expiry")}</P>
    </EmailLayout>
  ),
});
