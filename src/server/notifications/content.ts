/**
 * What each kind of notification says: the in-app (and push) title, body and link, and its email, in the
 * recipient's language (words in messages/<locale>/push.json and emails.json). The data is what the notification
 * service was given (loaded by id in job-events.ts), never read from the browser.
 */
import { formatCents } from "@/lib/money";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { NotificationKind } from "@/lib/notification-kinds";
import { translatorFor, type Translate } from "@/server/i18n/translate";
import { appUrl } from "@/server/email/templates";
import { disputeOpened } from "@/server/email/templates/dispute-opened";
import { disputeResolved } from "@/server/email/templates/dispute-resolved";
import { jobCancelled } from "@/server/email/templates/job-cancelled";
import { jobClaimed } from "@/server/email/templates/job-claimed";
import { jobCompleted } from "@/server/email/templates/job-completed";
import { jobConfirmed } from "@/server/email/templates/job-confirmed";
import { jobExpired } from "@/server/email/templates/job-expired";
import { jobMessage } from "@/server/email/templates/job-message";
import { jobOnMyWay } from "@/server/email/templates/job-on-my-way";
import { jobRetry } from "@/server/email/templates/job-retry";
import { jobUnreachable } from "@/server/email/templates/job-unreachable";
import { jobReserved } from "@/server/email/templates/job-reserved";
import type { RenderedEmail } from "@/server/email/templates/layout";
import { renewalReminder } from "@/server/email/templates/renewal-reminder";
import { serviceDayReminder } from "@/server/email/templates/service-day-reminder";
import { weatherSkip } from "@/server/email/templates/weather-skip";
import { weeklyEarnings } from "@/server/email/templates/weekly-earnings";

export type NotificationData = {
  "job.claimed": { jobId: string; address: string; scooperName: string };
  "job.reopened": { jobId: string; address: string };
  /** etaLocalTime is the estimate as a time of day in APP_TIMEZONE; both null when no position was shared. */
  "job.on-my-way": { jobId: string; address: string; scooperName: string; etaMinutes: number | null; etaLocalTime: string | null };
  /** reason is the label ("Locked gate"); answerBy and startBy are local times of day in APP_TIMEZONE. */
  "job.unreachable": { jobId: string; address: string; scooperName: string; reason: string; note: string | null; answerBy: string; feeCents: number };
  "job.retry": { jobId: string; address: string; startBy: string };
  /** senderLabel names the sender's side ("the customer", "Sam, your scooper"); excerpt is the start of the text. */
  "job.message": { jobId: string; address: string; senderLabel: string; excerpt: string; photoCount: number };
  "job.completed": { jobId: string; address: string; scooperName: string; photoUrls: string[]; autoConfirmHours: number };
  "job.confirmed": { jobId: string; address: string; role: "poster" | "scooper"; confirmedOn: string; priceCents: number; feeCents: number; takeHomeCents: number };
  "job.expired": { jobId: string; address: string };
  "job.reserved": { jobId: string; address: string; takeHomeCents: number; windowMinutes: number };
  "job.cancelled": { jobId: string; address: string; audience: "scooper" | "poster"; by: "poster" | "admin" | "system"; reason: string | null; feeCents: number };
  /** `tip`: a tip added after the review (rating null); `review`: the review itself, with its tip if any. */
  "review.received": { jobId: string; address: string; event: "review" | "tip"; rating: number | null; tipCents: number };
  "dispute.opened": { jobId: string; address: string; reason: string; audience: "scooper" | "admin" };
  "dispute.resolved": { jobId: string; address: string; outcome: "RELEASE" | "PARTIAL_REFUND" | "FULL_REFUND"; refundCents: number };
  "recurring.weather-skip": { address: string; serviceDate: string; reason: string };
  "reminder.service-day": { address: string; serviceDate: string; priceCents: number };
  "reminder.renewal": { address: string; billingDate: string; amountCents: number };
  "earnings.weekly": { weekStart: string; weekEnd: string; totalCents: number; payoutNote: string; jobs: { date: string; area: string; amountCents: number }[] };
};

export type NotificationContent = { title: string; body: string; url: string | null; email: (() => Promise<RenderedEmail>) | null };

/** Paths inside the app that notifications link to (the marketplace and subscription pages own them). */
export const jobPath = (jobId: string) => `/jobs/${jobId}`;
export const repostPath = (jobId: string) => `/jobs/${encodeURIComponent(jobId)}/repost`;
const SUBSCRIPTIONS_PATH = "/recurring";

/** What a builder writes with: the recipient's language (its push words, money format) and the email's language. */
type Ctx = { unsubscribeUrl: string; locale: Locale; t: Translate<"push">; money: (cents: number) => string };
type Builders = { [K in NotificationKind]: (data: NotificationData[K], ctx: Ctx) => NotificationContent };

const builders: Builders = {
  "job.claimed": (d, { t, locale }) => ({
    title: t("jobClaimed.title"),
    body: t("jobClaimed.body", { scooperName: d.scooperName, address: d.address }),
    url: jobPath(d.jobId),
    email: () => jobClaimed.render({ address: d.address, scooperName: d.scooperName, jobUrl: appUrl(jobPath(d.jobId)), locale }),
  }),
  "job.reopened": (d, { t }) => ({
    title: t("jobReopened.title"),
    body: t("jobReopened.body", { address: d.address }),
    url: jobPath(d.jobId),
    email: null,
  }),
  "job.on-my-way": (d, { t, locale }) => ({
    title: t("jobOnMyWay.title"),
    body:
      d.etaLocalTime && d.etaMinutes !== null
        ? t("jobOnMyWay.bodyWithEta", { scooperName: d.scooperName, address: d.address, time: d.etaLocalTime, minutes: d.etaMinutes })
        : t("jobOnMyWay.body", { scooperName: d.scooperName, address: d.address }),
    url: jobPath(d.jobId),
    email: () => jobOnMyWay.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)), locale }),
  }),
  "job.unreachable": (d, { t, locale }) => ({
    title: t("jobUnreachable.title"),
    body: t("jobUnreachable.body", { scooperName: d.scooperName, address: d.address, reason: d.reason, answerBy: d.answerBy }),
    url: jobPath(d.jobId),
    email: () => jobUnreachable.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)), locale }),
  }),
  "job.retry": (d, { t, locale }) => ({
    title: t("jobRetry.title"),
    body: t("jobRetry.body", { address: d.address, startBy: d.startBy }),
    url: jobPath(d.jobId),
    email: () => jobRetry.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)), locale }),
  }),
  "job.message": (d, { t, locale }) => ({
    title: t("jobMessage.title", { sender: d.senderLabel }),
    body: d.excerpt ? d.excerpt : t("jobMessage.photos", { count: d.photoCount, address: d.address }),
    url: jobPath(d.jobId),
    email: () => jobMessage.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)), locale }),
  }),
  "job.completed": (d, { t, locale }) => ({
    title: t("jobCompleted.title"),
    body: t("jobCompleted.body", { scooperName: d.scooperName, address: d.address }),
    url: jobPath(d.jobId),
    email: () => jobCompleted.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)), locale }),
  }),
  "job.confirmed": (d, { t, locale, money }) => ({
    title: d.role === "poster" ? t("jobConfirmed.titlePoster") : t("jobConfirmed.titleScooper", { amount: money(d.takeHomeCents) }),
    body:
      d.role === "poster"
        ? t("jobConfirmed.bodyPoster", { address: d.address, amount: money(d.priceCents) })
        : t("jobConfirmed.bodyScooper", { address: d.address, amount: money(d.takeHomeCents) }),
    url: jobPath(d.jobId),
    // The poster's receipt email is the capture's own (one receipt per money event, payments/receipt-email.ts).
    email: d.role === "poster" ? null : () => jobConfirmed.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)), locale }),
  }),
  "job.expired": (d, { t, locale }) => ({
    title: t("jobExpired.title"),
    body: t("jobExpired.body", { address: d.address }),
    url: repostPath(d.jobId),
    email: () => jobExpired.render({ address: d.address, repostUrl: appUrl(repostPath(d.jobId)), locale }),
  }),
  "job.reserved": (d, { t, locale, money }) => ({
    title: t("jobReserved.title"),
    body: t("jobReserved.body", { address: d.address, amount: money(d.takeHomeCents) }),
    url: jobPath(d.jobId),
    email: () => jobReserved.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)), locale }),
  }),
  "job.cancelled": (d, { t, locale, money }) => ({
    title: d.audience === "scooper" ? t("jobCancelled.titleScooper") : t("jobCancelled.titlePoster"),
    body:
      d.audience === "scooper"
        ? d.feeCents > 0
          ? t("jobCancelled.bodyScooperFee", { address: d.address, fee: money(d.feeCents) })
          : t("jobCancelled.bodyScooper", { address: d.address })
        : d.reason
          ? t("jobCancelled.bodyPosterReason", { address: d.address, reason: d.reason })
          : t("jobCancelled.bodyPoster", { address: d.address }),
    url: jobPath(d.jobId),
    email: () => jobCancelled.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)), locale }),
  }),
  "dispute.opened": (d, { t, locale }) => ({
    title: t("disputeOpened.title"),
    body: t("disputeOpened.body", { address: d.address, reason: d.reason }),
    url: jobPath(d.jobId),
    email: () => disputeOpened.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)), locale }),
  }),
  "dispute.resolved": (d, { t, locale }) => ({
    title: t("disputeResolved.title"),
    body: t("disputeResolved.body", { address: d.address }),
    url: jobPath(d.jobId),
    email: () => disputeResolved.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)), locale }),
  }),
  "recurring.weather-skip": (d, { t, locale }) => ({
    title: t("weatherSkip.title"),
    body: t("weatherSkip.body", { address: d.address, date: d.serviceDate, reason: d.reason }),
    url: SUBSCRIPTIONS_PATH,
    email: () => weatherSkip.render({ ...d, manageUrl: appUrl(SUBSCRIPTIONS_PATH), locale }),
  }),
  "reminder.service-day": (d, ctx) => ({
    title: ctx.t("serviceDay.title"),
    body: ctx.t("serviceDay.body", { address: d.address, date: d.serviceDate }),
    url: SUBSCRIPTIONS_PATH,
    email: () => serviceDayReminder.render({ ...d, manageUrl: appUrl(SUBSCRIPTIONS_PATH), unsubscribeUrl: ctx.unsubscribeUrl, locale: ctx.locale }),
  }),
  "reminder.renewal": (d, ctx) => ({
    title: ctx.t("renewal.title"),
    body: ctx.t("renewal.body", { address: d.address, date: d.billingDate, amount: ctx.money(d.amountCents) }),
    url: SUBSCRIPTIONS_PATH,
    email: () => renewalReminder.render({ ...d, manageUrl: appUrl(SUBSCRIPTIONS_PATH), unsubscribeUrl: ctx.unsubscribeUrl, locale: ctx.locale }),
  }),
  "review.received": (d, { t, money }) => ({
    title: d.event === "tip" ? t("reviewReceived.titleTip", { amount: money(d.tipCents) }) : t("reviewReceived.titleRating", { rating: d.rating ?? 0 }),
    body:
      d.event === "tip"
        ? t("reviewReceived.bodyTip", { address: d.address, amount: money(d.tipCents) })
        : d.tipCents > 0
          ? t("reviewReceived.bodyRatingTip", { address: d.address, rating: d.rating ?? 0, amount: money(d.tipCents) })
          : t("reviewReceived.bodyRating", { address: d.address, rating: d.rating ?? 0 }),
    url: jobPath(d.jobId),
    email: null,
  }),
  "earnings.weekly": (d, ctx) => ({
    title: ctx.t("weeklyEarnings.title", { amount: ctx.money(d.totalCents) }),
    body: ctx.t("weeklyEarnings.body", { count: d.jobs.length, start: d.weekStart, end: d.weekEnd, payoutNote: d.payoutNote }),
    url: "/earnings",
    email: () => weeklyEarnings.render({ ...d, unsubscribeUrl: ctx.unsubscribeUrl, locale: ctx.locale }),
  }),
};

/** The notification in the recipient's language (`locale`, English by default): its in-app/push words and its email. */
export function notificationContent<K extends NotificationKind>(
  kind: K,
  data: NotificationData[K],
  ctx: { unsubscribeUrl: string; locale?: Locale },
): NotificationContent {
  const locale = ctx.locale ?? DEFAULT_LOCALE;
  const words: Ctx = { unsubscribeUrl: ctx.unsubscribeUrl, locale, t: translatorFor(locale, "push"), money: (cents) => formatCents(cents, locale) };
  return (builders[kind] as (d: NotificationData[K], c: Ctx) => NotificationContent)(data, words);
}
