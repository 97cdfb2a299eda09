/**
 * What each kind of notification says: the in-app (and push) title, body and link, and its email, in the
 * recipient's language (words in messages/<locale>/push.json and emails.json). The data is what the notification
 * service was given (loaded by id in job-events.ts), never read from the browser.
 */
import { env } from "@/env";
import type { DisputeReason, UnreachableReason } from "@/generated/prisma/enums";
import { formatTime } from "@/lib/format-date";
import { formatCents } from "@/lib/money";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { NotificationKind } from "@/lib/notification-kinds";
import { translatorFor, type Translate } from "@/server/i18n/translate";
import { appUrl } from "@/server/email/templates";
import { disputeOpened } from "@/server/email/templates/dispute-opened";
import { disputeResolved } from "@/server/email/templates/dispute-resolved";
import { cancelReasonWords, jobCancelled, type CancelSystemReason } from "@/server/email/templates/job-cancelled";
import { jobClaimed } from "@/server/email/templates/job-claimed";
import { jobCompleted } from "@/server/email/templates/job-completed";
import { jobConfirmed } from "@/server/email/templates/job-confirmed";
import { jobExpired } from "@/server/email/templates/job-expired";
import { jobMessage, senderLabel, type MessageSender } from "@/server/email/templates/job-message";
import { jobOnMyWay } from "@/server/email/templates/job-on-my-way";
import { jobRetry } from "@/server/email/templates/job-retry";
import { jobUnreachable } from "@/server/email/templates/job-unreachable";
import { jobReserved } from "@/server/email/templates/job-reserved";
import type { RenderedEmail } from "@/server/email/templates/layout";
import { renewalReminder } from "@/server/email/templates/renewal-reminder";
import { serviceDayReminder } from "@/server/email/templates/service-day-reminder";
import { weatherSkip } from "@/server/email/templates/weather-skip";
import { weeklyEarnings } from "@/server/email/templates/weekly-earnings";

/**
 * What each kind is given: raw values (codes, instants, names), worded and formatted here and in the templates in
 * the recipient's language. A null scooperName is a scooper without a name ("Your scooper").
 */
export type NotificationData = {
  /** startBy: the claim's start deadline (shown as a time of day in APP_TIMEZONE); null once the claim has none. */
  "job.claimed": { jobId: string; address: string; scooperName: string | null; startBy: Date | null };
  "job.reopened": { jobId: string; address: string };
  /** etaAt is the estimated arrival (shown as a time of day in APP_TIMEZONE); both null when no position was shared. */
  "job.on-my-way": { jobId: string; address: string; scooperName: string | null; etaMinutes: number | null; etaAt: Date | null };
  /** reason is the report's code; answerBy and startBy are instants, shown as times of day in APP_TIMEZONE. */
  "job.unreachable": { jobId: string; address: string; scooperName: string | null; reason: UnreachableReason; note: string | null; answerBy: Date; feeCents: number };
  "job.retry": { jobId: string; address: string; startBy: Date };
  /** sender is the writer's side (the customer, or the scooper and their name); excerpt is the start of the text. */
  "job.message": { jobId: string; address: string; sender: MessageSender; excerpt: string; photoCount: number };
  "job.completed": { jobId: string; address: string; scooperName: string | null; photoUrls: string[]; autoConfirmMinutes: number };
  "job.confirmed": { jobId: string; address: string; role: "poster" | "scooper"; confirmedOn: string; priceCents: number; feeCents: number; takeHomeCents: number };
  "job.expired": { jobId: string; address: string };
  "job.reserved": { jobId: string; address: string; takeHomeCents: number; windowMinutes: number };
  /**
   * reason is what the person who cancelled wrote; systemReason why Scoop itself cancelled (a payment, no answer in
   * time), worded in the recipient's language, with `reason` then the card's own decline words after "paymentDeclined".
   */
  "job.cancelled": {
    jobId: string; address: string; audience: "scooper" | "poster"; by: "poster" | "admin" | "system"; reason: string | null;
    systemReason: CancelSystemReason | null; feeCents: number;
  };
  /** `tip`: a tip added after the review (rating null); `review`: the review itself, with its tip if any. */
  "review.received": { jobId: string; address: string; event: "review" | "tip"; rating: number | null; tipCents: number };
  "dispute.opened": { jobId: string; address: string; reason: DisputeReason; audience: "scooper" | "admin" };
  "dispute.resolved": { jobId: string; address: string; outcome: "RELEASE" | "PARTIAL_REFUND" | "FULL_REFUND"; refundCents: number };
  "recurring.weather-skip": { address: string; serviceDate: string; reason: string };
  "reminder.service-day": { address: string; serviceDate: string; priceCents: number };
  "reminder.renewal": { address: string; billingDate: string; amountCents: number };
  /** payoutProvider: the payments provider holding the money ("stripe" or the ledger), which says when it moves. */
  "earnings.weekly": { weekStart: string; weekEnd: string; totalCents: number; payoutProvider: string; jobs: { date: string; area: string; amountCents: number }[] };
};

export type NotificationContent = { title: string; body: string; url: string | null; email: (() => Promise<RenderedEmail>) | null };

/** Paths inside the app that notifications link to (the marketplace and subscription pages own them). */
export const jobPath = (jobId: string) => `/jobs/${jobId}`;
export const repostPath = (jobId: string) => `/jobs/${encodeURIComponent(jobId)}/repost`;
const SUBSCRIPTIONS_PATH = "/recurring";

/**
 * What a builder writes with: the recipient's language (its push words, money format) and the email's language;
 * `words` (the emails catalogue's shared words) and `time` word the data's codes and instants for the push text too.
 */
type Ctx = {
  unsubscribeUrl: string; locale: Locale; t: Translate<"push">; money: (cents: number) => string; words: Translate<"emails">;
  time: (at: Date) => string; scooper: (name: string | null) => string;
};
const timeZone = () => env.APP_TIMEZONE;
type Builders = { [K in NotificationKind]: (data: NotificationData[K], ctx: Ctx) => NotificationContent };

const builders: Builders = {
  "job.claimed": (d, { t, locale, scooper }) => ({
    title: t("jobClaimed.title"),
    body: t("jobClaimed.body", { scooperName: scooper(d.scooperName), address: d.address }),
    url: jobPath(d.jobId),
    email: () => jobClaimed.render({ ...d, scooperName: scooper(d.scooperName), timeZone: timeZone(), jobUrl: appUrl(jobPath(d.jobId)), locale }),
  }),
  "job.reopened": (d, { t }) => ({
    title: t("jobReopened.title"),
    body: t("jobReopened.body", { address: d.address }),
    url: jobPath(d.jobId),
    email: null,
  }),
  "job.on-my-way": (d, { t, locale, time, scooper }) => ({
    title: t("jobOnMyWay.title"),
    body:
      d.etaAt && d.etaMinutes !== null
        ? t("jobOnMyWay.bodyWithEta", { scooperName: scooper(d.scooperName), address: d.address, time: time(d.etaAt), minutes: d.etaMinutes })
        : t("jobOnMyWay.body", { scooperName: scooper(d.scooperName), address: d.address }),
    url: jobPath(d.jobId),
    email: () => jobOnMyWay.render({ ...d, scooperName: scooper(d.scooperName), timeZone: timeZone(), jobUrl: appUrl(jobPath(d.jobId)), locale }),
  }),
  "job.unreachable": (d, { t, locale, words, time, scooper }) => ({
    title: t("jobUnreachable.title"),
    body: t("jobUnreachable.body", {
      scooperName: scooper(d.scooperName), address: d.address, reason: words("words.unreachableReason", { reason: d.reason }), answerBy: time(d.answerBy),
    }),
    url: jobPath(d.jobId),
    email: () => jobUnreachable.render({ ...d, scooperName: scooper(d.scooperName), timeZone: timeZone(), jobUrl: appUrl(jobPath(d.jobId)), locale }),
  }),
  "job.retry": (d, { t, locale, time }) => ({
    title: t("jobRetry.title"),
    body: t("jobRetry.body", { address: d.address, startBy: time(d.startBy) }),
    url: jobPath(d.jobId),
    email: () => jobRetry.render({ ...d, timeZone: timeZone(), jobUrl: appUrl(jobPath(d.jobId)), locale }),
  }),
  "job.message": (d, { t, locale, words }) => ({
    title: t("jobMessage.title", { sender: senderLabel(d.sender, words) }),
    body: d.excerpt ? d.excerpt : t("jobMessage.photos", { count: d.photoCount, address: d.address }),
    url: jobPath(d.jobId),
    email: () => jobMessage.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)), locale }),
  }),
  "job.completed": (d, { t, locale, scooper }) => ({
    title: t("jobCompleted.title"),
    body: t("jobCompleted.body", { scooperName: scooper(d.scooperName), address: d.address }),
    url: jobPath(d.jobId),
    email: () => jobCompleted.render({ ...d, scooperName: scooper(d.scooperName), jobUrl: appUrl(jobPath(d.jobId)), locale }),
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
  "job.cancelled": (d, { t, locale, money, words }) => {
    const reason = cancelReasonWords(d, words);
    return {
      title: d.audience === "scooper" ? t("jobCancelled.titleScooper") : t("jobCancelled.titlePoster"),
      body:
        d.audience === "scooper"
          ? d.feeCents > 0
            ? t("jobCancelled.bodyScooperFee", { address: d.address, fee: money(d.feeCents) })
            : t("jobCancelled.bodyScooper", { address: d.address })
          : reason
            ? t("jobCancelled.bodyPosterReason", { address: d.address, reason })
            : t("jobCancelled.bodyPoster", { address: d.address }),
      url: jobPath(d.jobId),
      email: () => jobCancelled.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)), locale }),
    };
  },
  "dispute.opened": (d, { t, locale, words }) => ({
    title: t("disputeOpened.title"),
    body: t("disputeOpened.body", { address: d.address, reason: words("words.disputeReason", { reason: d.reason }) }),
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
    body: ctx.t("weeklyEarnings.body", {
      count: d.jobs.length, start: d.weekStart, end: d.weekEnd, payoutNote: ctx.words("words.payoutNote", { provider: d.payoutProvider }),
    }),
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
  const words = translatorFor(locale, "emails");
  const builderCtx: Ctx = {
    unsubscribeUrl: ctx.unsubscribeUrl, locale, t: translatorFor(locale, "push"), money: (cents) => formatCents(cents, locale), words,
    time: (at) => formatTime(at, { timeZone: timeZone(), locale }),
    scooper: (name) => name ?? words("words.scooper"),
  };
  return (builders[kind] as (d: NotificationData[K], c: Ctx) => NotificationContent)(data, builderCtx);
}
