/**
 * What each kind of notification says: the in-app (and push) title, body and link, and its email. The data
 * is what the notification service was given (loaded by id in job-events.ts), never read from the browser.
 */
import { formatCents } from "@/lib/money";
import type { NotificationKind } from "@/lib/notification-kinds";
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

type Builders = { [K in NotificationKind]: (data: NotificationData[K], ctx: { unsubscribeUrl: string }) => NotificationContent };

const builders: Builders = {
  "job.claimed": (d) => ({
    title: "Your cleanup was claimed",
    body: `${d.scooperName} claimed your cleanup at ${d.address}.`,
    url: jobPath(d.jobId),
    email: () => jobClaimed.render({ address: d.address, scooperName: d.scooperName, jobUrl: appUrl(jobPath(d.jobId)) }),
  }),
  "job.reopened": (d) => ({
    title: "Your cleanup is back on the map",
    body: `The scooper released your cleanup at ${d.address}; it is open for others to claim.`,
    url: jobPath(d.jobId),
    email: null,
  }),
  "job.on-my-way": (d) => ({
    title: "Your scooper is on the way",
    body: `${d.scooperName} is on the way to ${d.address}${d.etaLocalTime && d.etaMinutes !== null ? `; expected around ${d.etaLocalTime} (about ${d.etaMinutes} min)` : ""}.`,
    url: jobPath(d.jobId),
    email: () => jobOnMyWay.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)) }),
  }),
  "job.unreachable": (d) => ({
    title: "Your scooper could not get in",
    body: `${d.scooperName} could not get into the yard at ${d.address} (${d.reason}). Answer by ${d.answerBy}: try again or cancel.`,
    url: jobPath(d.jobId),
    email: () => jobUnreachable.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)) }),
  }),
  "job.retry": (d) => ({
    title: "Please try the yard again",
    body: `The customer at ${d.address} asks you to try again; start by ${d.startBy}.`,
    url: jobPath(d.jobId),
    email: () => jobRetry.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)) }),
  }),
  "job.message": (d) => ({
    title: `New message from ${d.senderLabel}`,
    body: d.excerpt ? `${d.excerpt}` : `${d.photoCount === 1 ? "A photo" : `${d.photoCount} photos`} about the cleanup at ${d.address}.`,
    url: jobPath(d.jobId),
    email: () => jobMessage.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)) }),
  }),
  "job.completed": (d) => ({
    title: "Your cleanup is done",
    body: `${d.scooperName} finished your cleanup at ${d.address}. Check the photos and confirm.`,
    url: jobPath(d.jobId),
    email: () => jobCompleted.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)) }),
  }),
  "job.confirmed": (d) => ({
    title: d.role === "poster" ? "Receipt for your cleanup" : `You earned ${formatCents(d.takeHomeCents)}`,
    body:
      d.role === "poster"
        ? `Your cleanup at ${d.address} is confirmed: ${formatCents(d.priceCents)}.`
        : `The cleanup at ${d.address} is confirmed; your take-home is ${formatCents(d.takeHomeCents)}.`,
    url: jobPath(d.jobId),
    // The poster's receipt email is the capture's own (one receipt per money event, payments/receipt-email.ts).
    email: d.role === "poster" ? null : () => jobConfirmed.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)) }),
  }),
  "job.expired": (d) => ({
    title: "Your cleanup expired unclaimed",
    body: `No one claimed your cleanup at ${d.address}. Post it again in one tap.`,
    url: repostPath(d.jobId),
    email: () => jobExpired.render({ address: d.address, repostUrl: appUrl(repostPath(d.jobId)) }),
  }),
  "job.reserved": (d) => ({
    title: "A cleanup is waiting for you",
    body: `The recurring cleanup at ${d.address} is offered to you first (you take home ${formatCents(d.takeHomeCents)}).`,
    url: jobPath(d.jobId),
    email: () => jobReserved.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)) }),
  }),
  "job.cancelled": (d) => ({
    title: d.audience === "scooper" ? "A cleanup you claimed was cancelled" : "Your cleanup was cancelled",
    body:
      d.audience === "scooper"
        ? `The cleanup at ${d.address} was cancelled${d.feeCents > 0 ? `; you are paid a ${formatCents(d.feeCents)} cancellation fee` : ""}.`
        : `Your cleanup at ${d.address} was cancelled${d.reason ? `: ${d.reason}` : ""}. Any hold on your card is released.`,
    url: jobPath(d.jobId),
    email: () => jobCancelled.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)) }),
  }),
  "dispute.opened": (d) => ({
    title: "A cleanup was disputed",
    body: `The cleanup at ${d.address} was disputed (${d.reason}). The payout is on hold.`,
    url: jobPath(d.jobId),
    email: () => disputeOpened.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)) }),
  }),
  "dispute.resolved": (d) => ({
    title: "Dispute resolved",
    body: `The dispute about the cleanup at ${d.address} was resolved.`,
    url: jobPath(d.jobId),
    email: () => disputeResolved.render({ ...d, jobUrl: appUrl(jobPath(d.jobId)) }),
  }),
  "recurring.weather-skip": (d) => ({
    title: "A visit is skipped for the weather",
    body: `Your recurring cleanup at ${d.address} is skipped on ${d.serviceDate}: ${d.reason}. Nothing is charged for it.`,
    url: SUBSCRIPTIONS_PATH,
    email: () => weatherSkip.render({ ...d, manageUrl: appUrl(SUBSCRIPTIONS_PATH) }),
  }),
  "reminder.service-day": (d, ctx) => ({
    title: "Your cleanup is tomorrow",
    body: `Your recurring cleanup at ${d.address} is on ${d.serviceDate}.`,
    url: SUBSCRIPTIONS_PATH,
    email: () => serviceDayReminder.render({ ...d, manageUrl: appUrl(SUBSCRIPTIONS_PATH), unsubscribeUrl: ctx.unsubscribeUrl }),
  }),
  "reminder.renewal": (d, ctx) => ({
    title: "Your subscription renews soon",
    body: `Your recurring cleanup at ${d.address} renews on ${d.billingDate} for ${formatCents(d.amountCents)}.`,
    url: SUBSCRIPTIONS_PATH,
    email: () => renewalReminder.render({ ...d, manageUrl: appUrl(SUBSCRIPTIONS_PATH), unsubscribeUrl: ctx.unsubscribeUrl }),
  }),
  "review.received": (d) => ({
    title: d.event === "tip" ? `You got a ${formatCents(d.tipCents)} tip` : `You were rated ${d.rating} ${d.rating === 1 ? "star" : "stars"}`,
    body:
      d.event === "tip"
        ? `The customer at ${d.address} added a ${formatCents(d.tipCents)} tip. All of it is yours.`
        : `The customer at ${d.address} rated your cleanup ${d.rating}/5${d.tipCents > 0 ? ` and tipped ${formatCents(d.tipCents)}` : ""}.`,
    url: jobPath(d.jobId),
    email: null,
  }),
  "earnings.weekly": (d, ctx) => ({
    title: `You earned ${formatCents(d.totalCents)} last week`,
    body: `${d.jobs.length} paid cleanup${d.jobs.length === 1 ? "" : "s"} from ${d.weekStart} to ${d.weekEnd}. ${d.payoutNote}`,
    url: "/earnings",
    email: () => weeklyEarnings.render({ ...d, unsubscribeUrl: ctx.unsubscribeUrl }),
  }),
};

export function notificationContent<K extends NotificationKind>(kind: K, data: NotificationData[K], ctx: { unsubscribeUrl: string }): NotificationContent {
  return (builders[kind] as (d: NotificationData[K], c: { unsubscribeUrl: string }) => NotificationContent)(data, ctx);
}
