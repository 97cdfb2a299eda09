import { defineEmail, EmailLayout, P } from "./layout";

type Props = { url: string };

export const magicLink = defineEmail<Props>({
  subject: (_, { t }) => t("magicLink.subject"),
  sample: { url: "http://localhost:3000/api/auth/callback/email?token=sample" },
  Component: ({ url, t, locale }) => (
    <EmailLayout locale={locale} preview={t("magicLink.subject")} title={t("magicLink.title")} action={{ label: t("magicLink.action"), url }}>
      <P>{t("magicLink.body")}</P>
    </EmailLayout>
  ),
});
