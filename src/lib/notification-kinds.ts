/**
 * Every kind of notification, its channels and whether the user may turn them off. Read by the notification
 * service (which channels to use), the preferences API (what may be changed) and the profile page (labels).
 * To add a kind: add it here, give it an email template (src/server/email/templates/) if it emails, and a
 * content builder in src/server/notifications/content.ts.
 */
export const NOTIFICATION_KINDS = {
  "job.claimed": { label: "A scooper claimed your job", email: true, push: true, required: false, marketing: false },
  "job.reopened": { label: "A scooper released your job", email: false, push: false, required: false, marketing: false },
  "job.on-my-way": { label: "Your scooper is on the way", email: true, push: true, required: false, marketing: false },
  "job.unreachable": { label: "Your scooper could not get into the yard (please answer)", email: true, push: true, required: false, marketing: false },
  "job.retry": { label: "A customer asks you to try their yard again", email: true, push: true, required: false, marketing: false },
  "job.message": { label: "A new message about a job", email: true, push: true, required: false, marketing: false },
  "job.completed": { label: "Your job is done (with photos)", email: true, push: true, required: false, marketing: false },
  "job.confirmed": { label: "Receipts", email: true, push: false, required: true, marketing: false },
  "job.expired": { label: "Your job expired unclaimed", email: true, push: true, required: false, marketing: false },
  "job.reserved": { label: "A customer's recurring cleanup is offered to you first", email: true, push: true, required: false, marketing: false },
  "job.cancelled": { label: "A job was cancelled (a claim of yours, or your job by someone else)", email: true, push: true, required: false, marketing: false },
  "review.received": { label: "A customer rated your work or tipped you", email: false, push: true, required: false, marketing: false },
  "dispute.opened": { label: "A dispute was opened", email: true, push: false, required: false, marketing: false },
  "dispute.resolved": { label: "A dispute was resolved", email: true, push: false, required: false, marketing: false },
  "recurring.weather-skip": { label: "A recurring visit is skipped for bad weather", email: true, push: true, required: false, marketing: false },
  "reminder.service-day": { label: "Service-day reminders", email: true, push: false, required: false, marketing: true },
  "reminder.renewal": { label: "Renewal reminders", email: true, push: false, required: false, marketing: true },
  "earnings.weekly": { label: "Weekly earnings", email: true, push: false, required: false, marketing: true },
} as const satisfies Record<string, { label: string; email: boolean; push: boolean; required: boolean; marketing: boolean }>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, kind);
}

/** Kinds a user can change on the profile page: those with a channel that is not required. */
export const CONFIGURABLE_KINDS = NOTIFICATION_KIND_NAMES.filter((k) => {
  const spec = NOTIFICATION_KINDS[k];
  return !spec.required && (spec.email || spec.push);
});
