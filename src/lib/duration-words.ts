/**
 * A setting's duration in words ("24 hours", "90 minutes") through the `post` catalogue's `hours` / `minutes`
 * plurals: whole hours when it is a whole number of hours, else minutes. The posting summary, the terms and the
 * re-post page say the timers in force with it (AUTO_CONFIRM_SECONDS, JOB_EXPIRY_SECONDS), never a fixed "24 hours".
 */
export type DurationTranslate = (key: "hours" | "minutes", params: { count: number }) => string;

export function durationWords(t: DurationTranslate, seconds: number): string {
  return seconds % 3600 === 0 ? t("hours", { count: seconds / 3600 }) : t("minutes", { count: Math.round(seconds / 60) });
}

/**
 * A length in whole minutes as the `{unit, select, hours {…} other {…}}` parameters of the email catalogue: whole
 * hours when it is a whole number of hours, else minutes (never "2.5 hours" or "0 hours").
 */
export function durationUnit(minutes: number): { unit: "hours" | "minutes"; count: number } {
  const whole = Math.max(0, Math.round(minutes));
  return whole >= 60 && whole % 60 === 0 ? { unit: "hours", count: whole / 60 } : { unit: "minutes", count: whole };
}
