import type { UnreachableReason } from "@/generated/prisma/enums";
import { formatTime } from "@/lib/format-date";
import { defineEmail, EmailLayout, P } from "./layout";

/** `reason` is the report's code, worded in the recipient's language; `answerBy` is shown as a time of day in `timeZone`. */
type Props = { address: string; scooperName: string; reason: UnreachableReason; note: string | null; answerBy: Date; timeZone: string; feeCents: number; jobUrl: string };

export const jobUnreachable = defineEmail<Props>({
  subject: (_, { t }) => t("jobUnreachable.subject"),
  sample: {
    address: "12 Oak St, Park Slope, Brooklyn", scooperName: "Sam", reason: "LOCKED_GATE", note: "The padlock is on and nobody answers.",
    answerBy: new Date("2027-03-16T21:30:00Z"), timeZone: "America/New_York", feeCents: 500, jobUrl: "http://localhost:3000/jobs/sample",
  },
  Component: ({ address, scooperName, reason: code, note, answerBy, timeZone, feeCents, jobUrl, t, locale, money }) => {
    const reason = t("words.unreachableReason", { reason: code });
    return (
      <EmailLayout locale={locale} preview={t("jobUnreachable.preview", { scooperName, reason })} title={t("jobUnreachable.title")} action={{ label: t("jobUnreachable.action"), url: jobUrl }}>
        <P>
          {note
            ? t("jobUnreachable.bodyWithNote", { scooperName, address, reason, note })
            : t("jobUnreachable.body", { scooperName, address, reason })}
        </P>
        <P>{t("jobUnreachable.answer", { answerBy: formatTime(answerBy, { timeZone, locale }), fee: money(feeCents) })}</P>
      </EmailLayout>
    );
  },
});
