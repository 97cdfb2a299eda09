import type { Translate } from "@/server/i18n/translate";
import { defineEmail, EmailLayout, P } from "./layout";

/** Why Scoop itself cancelled: a payment that failed (how), or no answer to a "can't get in" report in time. */
export type CancelSystemReason = "paymentDeclined" | "paymentTimeout" | "paymentNeedsAction" | "paymentFailed" | "noAnswer";

/** The cancellation's reason as the recipient reads it: Scoop's own in their language, a person's as written. */
export function cancelReasonWords(p: { reason: string | null; systemReason?: CancelSystemReason | null }, t: Translate<"emails">): string | null {
  if (!p.systemReason) return p.reason;
  // After a declined card, `reason` is the card's own words (not translated), as payment-gate's caller stored them.
  return t("words.cancelReason", { reason: p.systemReason, detail: p.systemReason === "paymentDeclined" ? (p.reason ?? "") : "" });
}

/** Who is told, and by whom the job was cancelled: the scooper who held it, or the poster when someone else cancelled. */
type Props = {
  address: string;
  audience: "scooper" | "poster";
  by: "poster" | "admin" | "system";
  /** What the person who cancelled wrote, if anything. */
  reason: string | null;
  /** Why Scoop itself cancelled (worded in the recipient's language), when it did. */
  systemReason?: CancelSystemReason | null;
  /** What the scooper is paid for the cancelled claim (0 when nothing is owed). */
  feeCents: number;
  jobUrl: string;
};

export const jobCancelled = defineEmail<Props>({
  subject: ({ audience }, { t }) => t(audience === "scooper" ? "jobCancelled.subjectScooper" : "jobCancelled.subjectPoster"),
  sample: { address: "12 Oak St, Park Slope, Brooklyn", audience: "scooper", by: "poster", reason: "Moved the visit", feeCents: 425, jobUrl: "http://localhost:3000/jobs/sample" },
  Component: ({ address, audience, by, feeCents, jobUrl, t, locale, money, ...p }) => {
    const reason = cancelReasonWords(p, t);
    return (
      <EmailLayout locale={locale} preview={t("jobCancelled.preview")} title={t("jobCancelled.title")} action={{ label: t("jobCancelled.action"), url: jobUrl }}>
        <P>{reason ? t("jobCancelled.bodyWithReason", { by, address, reason }) : t("jobCancelled.body", { by, address })}</P>
        {audience === "scooper" ? (
          <P>{feeCents > 0 ? t("jobCancelled.scooperFee", { fee: money(feeCents) }) : t("jobCancelled.scooperNoFee")}</P>
        ) : (
          <P>{feeCents > 0 ? t("jobCancelled.posterHoldLessFee", { fee: money(feeCents) }) : t("jobCancelled.posterHold")}</P>
        )}
      </EmailLayout>
    );
  },
});
