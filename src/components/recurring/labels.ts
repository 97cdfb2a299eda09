/** Human labels and date formatting for recurring cleanups (the words are in the `recurring` catalogue). */
import { INTL_LOCALE, type Locale } from "@/lib/i18n/locales";

export const FREQUENCY_LABEL = { WEEKLY: "Every week", BIWEEKLY: "Every 2 weeks", MONTHLY: "Monthly, same weekday" } as const;
export const RECURRING_STATUS_LABEL = { ACTIVE: "Active", PAUSED: "Paused", CANCELLED: "Cancelled" } as const;

/**
 * A service date ("YYYY-MM-DD", already local to APP_TIMEZONE) as "Sat, Nov 28, 2026" ("sáb, 28 de nov de 2026"),
 * the same on server and browser.
 */
export function formatServiceDate(date: string, locale: Locale = "en"): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString(INTL_LOCALE[locale], { weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });
}
