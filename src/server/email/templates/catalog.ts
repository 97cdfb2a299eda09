/** Every email template by name: the development preview (/dev/emails/<name>) renders each with its sample. */
import type { Locale } from "@/lib/i18n/locales";
import { accountExists } from "./account-exists";
import { disputeOpened } from "./dispute-opened";
import { disputeResolved } from "./dispute-resolved";
import { jobCancelled } from "./job-cancelled";
import { jobClaimed } from "./job-claimed";
import { jobCompleted } from "./job-completed";
import { jobConfirmed } from "./job-confirmed";
import { jobExpired } from "./job-expired";
import { jobMessage } from "./job-message";
import { jobOnMyWay } from "./job-on-my-way";
import { jobRetry } from "./job-retry";
import { jobUnreachable } from "./job-unreachable";
import { jobReserved } from "./job-reserved";
import { magicLink } from "./magic-link";
import { passwordReset } from "./password-reset";
import { receipt } from "./receipt";
import { renewalReminder } from "./renewal-reminder";
import { serviceDayReminder } from "./service-day-reminder";
import { signUpConfirmation } from "./sign-up-confirmation";
import { weatherSkip } from "./weather-skip";
import { weeklyEarnings } from "./weekly-earnings";

export const EMAIL_TEMPLATES = {
  "password-reset": passwordReset,
  "magic-link": magicLink,
  "sign-up-confirmation": signUpConfirmation,
  "account-exists": accountExists,
  "job-claimed": jobClaimed,
  "job-on-my-way": jobOnMyWay,
  "job-unreachable": jobUnreachable,
  "job-retry": jobRetry,
  "job-message": jobMessage,
  "job-completed": jobCompleted,
  "job-confirmed": jobConfirmed,
  "job-expired": jobExpired,
  "job-cancelled": jobCancelled,
  "job-reserved": jobReserved,
  "service-day-reminder": serviceDayReminder,
  "renewal-reminder": renewalReminder,
  "dispute-opened": disputeOpened,
  "dispute-resolved": disputeResolved,
  "weekly-earnings": weeklyEarnings,
  "weather-skip": weatherSkip,
  receipt,
} as const;

export type EmailTemplateName = keyof typeof EMAIL_TEMPLATES;

/** Renders a template with its preview sample (loosely typed on purpose: the sample belongs to its template). */
export function renderSample(name: EmailTemplateName, locale?: Locale) {
  const template = EMAIL_TEMPLATES[name] as { render: (p: object) => Promise<{ subject: string; html: string; text: string }>; sample: object };
  return template.render({ ...template.sample, locale });
}
