import { defineEmail, EmailLayout, P } from "./layout";

/** Who is told, and by whom the job was cancelled: the scooper who held it, or the poster when someone else cancelled. */
type Props = {
  address: string;
  audience: "scooper" | "poster";
  by: "poster" | "admin" | "system";
  reason: string | null;
  /** What the scooper is paid for the cancelled claim (0 when nothing is owed). */
  feeCents: number;
  jobUrl: string;
};

export const jobCancelled = defineEmail<Props>({
  subject: ({ audience }, { t }) => t(audience === "scooper" ? "jobCancelled.subjectScooper" : "jobCancelled.subjectPoster"),
  sample: { address: "12 Oak St, Park Slope, Brooklyn", audience: "scooper", by: "poster", reason: "Moved the visit", feeCents: 425, jobUrl: "http://localhost:3000/jobs/sample" },
  Component: ({ address, audience, by, reason, feeCents, jobUrl, t, locale, money }) => (
    <EmailLayout locale={locale} preview={t("jobCancelled.preview")} title={t("jobCancelled.title")} action={{ label: t("jobCancelled.action"), url: jobUrl }}>
      <P>{reason ? t("jobCancelled.bodyWithReason", { by, address, reason }) : t("jobCancelled.body", { by, address })}</P>
      {audience === "scooper" ? (
        <P>{feeCents > 0 ? t("jobCancelled.scooperFee", { fee: money(feeCents) }) : t("jobCancelled.scooperNoFee")}</P>
      ) : (
        <P>{feeCents > 0 ? t("jobCancelled.posterHoldLessFee", { fee: money(feeCents) }) : t("jobCancelled.posterHold")}</P>
      )}
    </EmailLayout>
  ),
});
