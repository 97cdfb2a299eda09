import { defineEmail, EmailLayout, P } from "./layout";

type Props = { address: string; scooperName: string; reason: string; note: string | null; answerBy: string; feeCents: number; jobUrl: string };

export const jobUnreachable = defineEmail<Props>({
  subject: (_, { t }) => t("jobUnreachable.subject"),
  sample: {
    address: "12 Oak St, Park Slope, Brooklyn", scooperName: "Sam", reason: "Locked gate", note: "The padlock is on and nobody answers.",
    answerBy: "5:30 PM", feeCents: 500, jobUrl: "http://localhost:3000/jobs/sample",
  },
  Component: ({ address, scooperName, reason, note, answerBy, feeCents, jobUrl, t, locale, money }) => (
    <EmailLayout locale={locale} preview={t("jobUnreachable.preview", { scooperName, reason })} title={t("jobUnreachable.title")} action={{ label: t("jobUnreachable.action"), url: jobUrl }}>
      <P>
        {note
          ? t("jobUnreachable.bodyWithNote", { scooperName, address, reason: reason.toLowerCase(), note })
          : t("jobUnreachable.body", { scooperName, address, reason: reason.toLowerCase() })}
      </P>
      <P>{t("jobUnreachable.answer", { answerBy, fee: money(feeCents) })}</P>
    </EmailLayout>
  ),
});
