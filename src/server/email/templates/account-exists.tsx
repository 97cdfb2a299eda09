import { defineEmail, EmailLayout, P } from "./layout";

type Props = { signInUrl: string; resetUrl: string };

export const accountExists = defineEmail<Props>({
  subject: (_, { t }) => t("accountExists.subject"),
  sample: { signInUrl: "http://localhost:3000/sign-in", resetUrl: "http://localhost:3000/forgot-password" },
  Component: ({ signInUrl, resetUrl, t, locale }) => (
    <EmailLayout locale={locale} preview={t("accountExists.subject")} title={t("accountExists.title")} action={{ label: t("accountExists.action"), url: signInUrl }}>
      <P>{t("accountExists.intro")}</P>
      <P>{t("accountExists.body", { signInUrl, resetUrl })}</P>
    </EmailLayout>
  ),
});
