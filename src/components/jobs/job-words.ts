/**
 * Sentences about a job that a person reads: its timeline ("Claimed by the scooper", not "claimed by scooper"
 * or "posted by poster") and what cancelling it does to the money, said before the poster or an admin commits.
 * The words come from the `jobs` catalogue through the caller's translator (`useTranslations("jobs")`).
 */
import { formatDateTime } from "@/lib/format-date";
import type { Locale } from "@/lib/i18n/locales";
import { cancellationFeeCents, formatCents } from "@/lib/money";

/** A translator for the `jobs` namespace (what `useTranslations("jobs")` / `getTranslations("jobs")` return). */
export type JobsT = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

const ACTORS = new Set(["poster", "scooper", "admin"]);

/** "Posted by the customer", "Expired unclaimed" (nobody acted: the system is never named). */
export function timelineWords(t: JobsT, type: string, actor: "poster" | "scooper" | "admin" | "system"): string {
  const what = t.has(`event.${type}`) ? t(`event.${type}`) : type.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());
  return ACTORS.has(actor) ? t("eventBy", { what, who: t(`actor.${actor}`) }) : what;
}

/**
 * ", marked done on the phone Sun, Nov 29, 3:12 PM": a completion sent later than it was tapped (no signal in the
 * yard) says when the work was really finished; the event's own time is when the server received it.
 */
export function tappedLaterWords(
  t: JobsT,
  locale: Locale,
  event: { type: string; details: Record<string, unknown> | null; createdAt: Date },
): string {
  const tapped = event.type === "completed" && typeof event.details?.tappedAt === "string" ? new Date(event.details.tappedAt) : null;
  if (!tapped || Number.isNaN(tapped.getTime()) || event.createdAt.getTime() - tapped.getTime() < 60_000) return "";
  return t("tappedLater", { when: formatDateTime(tapped, { locale }) });
}

type CancelJob = { status: string; priceCents: number; cancellationFeeCents: number; cancellationFeePercent: number };

/** What cancelling does to the money, for the one who is about to cancel (the poster, or an admin). */
export function cancelMoneyWords(t: JobsT, locale: Locale, job: CancelJob, asAdmin: boolean): string[] {
  const price = formatCents(job.priceCents, locale);
  if (asAdmin) return [t("cancelMoney.adminLeaves"), t("cancelMoney.adminHold", { price })];
  if (job.status === "CLAIMED") {
    // CANCELLATION_FEE_PERCENT and MIN_CANCEL_FEE_CENTS may be 0; the minimum applies once the scooper is on the way.
    if (job.cancellationFeeCents === 0) return [t("cancelMoney.claimedFree", { price })];
    const fee = formatCents(job.cancellationFeeCents, locale);
    const rest = formatCents(job.priceCents - job.cancellationFeeCents, locale);
    const byRate = job.cancellationFeeCents === cancellationFeeCents(job.priceCents, job.cancellationFeePercent);
    return [
      byRate ? t("cancelMoney.claimedFee", { percent: job.cancellationFeePercent, fee }) : t("cancelMoney.claimedMinimumFee", { fee }),
      t("cancelMoney.claimedCharge", { fee, rest, price }),
    ];
  }
  if (job.status === "AWAITING_PAYMENT") return [t("cancelMoney.awaiting")];
  return [t("cancelMoney.open", { price })];
}

/**
 * Which sentence the posting summary uses for cancelling, from the fee rules in force (CANCELLATION_FEE_PERCENT and
 * MIN_CANCEL_FEE_CENTS may each be 0): never "paid 0% ($0.00)" or "at least $0.00".
 */
export function cancelTermsKey(percent: number, minCents: number): "cancel" | "cancelPercentOnly" | "cancelMinimumOnly" | "cancelFree" {
  if (percent > 0) return minCents > 0 ? "cancel" : "cancelPercentOnly";
  return minCents > 0 ? "cancelMinimumOnly" : "cancelFree";
}
