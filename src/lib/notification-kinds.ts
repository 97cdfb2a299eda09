/**
 * Every kind of notification, its channels and whether the user may turn them off. Read by the notification
 * service (which channels to use) and the preferences API (what may be changed). A kind's name for people is in
 * the `notifications-ui` catalogue (`prefs.kind.<kind>`, both languages; notification-kinds.test.ts checks each).
 * To add a kind: add it here and its name to both catalogues, give it an email template (src/server/email/templates/) if it emails, and a
 * content builder in src/server/notifications/content.ts.
 */
export const NOTIFICATION_KINDS = {
  "job.claimed": { email: true, push: true, required: false, marketing: false },
  "job.reopened": { email: false, push: false, required: false, marketing: false },
  "job.on-my-way": { email: true, push: true, required: false, marketing: false },
  "job.unreachable": { email: true, push: true, required: false, marketing: false },
  "job.retry": { email: true, push: true, required: false, marketing: false },
  "job.message": { email: true, push: true, required: false, marketing: false },
  "job.completed": { email: true, push: true, required: false, marketing: false },
  "job.confirmed": { email: true, push: false, required: true, marketing: false },
  "job.expired": { email: true, push: true, required: false, marketing: false },
  "job.reserved": { email: true, push: true, required: false, marketing: false },
  "job.cancelled": { email: true, push: true, required: false, marketing: false },
  "review.received": { email: false, push: true, required: false, marketing: false },
  "dispute.opened": { email: true, push: false, required: false, marketing: false },
  "dispute.resolved": { email: true, push: false, required: false, marketing: false },
  "recurring.weather-skip": { email: true, push: true, required: false, marketing: false },
  "reminder.service-day": { email: true, push: false, required: false, marketing: true },
  "reminder.renewal": { email: true, push: false, required: false, marketing: true },
  "earnings.weekly": { email: true, push: false, required: false, marketing: true },
} as const satisfies Record<string, { email: boolean; push: boolean; required: boolean; marketing: boolean }>;

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
