/**
 * A setting's duration in words ("24 hours", "90 minutes") through the `post` catalogue's `hours` / `minutes`
 * plurals: whole hours when it is a whole number of hours, else minutes. The posting summary, the terms and the
 * re-post page say the timers in force with it (AUTO_CONFIRM_SECONDS, JOB_EXPIRY_SECONDS), never a fixed "24 hours".
 */
export type DurationTranslate = (key: "hours" | "minutes", params: { count: number }) => string;

export function durationWords(t: DurationTranslate, seconds: number): string {
  return seconds % 3600 === 0 ? t("hours", { count: seconds / 3600 }) : t("minutes", { count: Math.round(seconds / 60) });
}
