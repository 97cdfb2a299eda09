/**
 * Dates as people read them, in the viewer's own time zone (the browser's, unless one is passed): "Sun, Nov 29,
 * 6:57 PM" and "in 3 hours" / "5 minutes ago". One place, so every page says a time the same way. The locale is
 * fixed to en-US until the Spanish issue adds a choice; the time zone is the only per-viewer part.
 */
export type DateOptions = { timeZone?: string; locale?: string };

export function formatDateTime(date: Date, opts: DateOptions = {}): string {
  return new Intl.DateTimeFormat(opts.locale ?? "en-US", {
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: opts.timeZone,
  }).format(date);
}

export function formatDate(date: Date, opts: DateOptions = {}): string {
  return new Intl.DateTimeFormat(opts.locale ?? "en-US", { month: "short", day: "numeric", year: "numeric", timeZone: opts.timeZone }).format(date);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "in 3 hours", "5 minutes ago", "yesterday"; under a minute is "just now" (or "in a moment"). */
export function formatRelative(date: Date, now: Date, opts: DateOptions = {}): string {
  const ms = date.getTime() - now.getTime();
  const rtf = new Intl.RelativeTimeFormat(opts.locale ?? "en-US", { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(ms) >= size) return rtf.format(Math.trunc(ms / size), unit);
  }
  return ms >= 0 ? "in a moment" : "just now";
}
