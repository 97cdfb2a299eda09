/**
 * Dates as people read them, in the viewer's own time zone (the browser's, unless one is passed): "Sun, Nov 29,
 * 6:57 PM" and "in 3 hours" / "5 minutes ago" ("dom, 29 de nov, 6:57 p.m.", "dentro de 3 horas" in Spanish). One
 * place, so every page says a time the same way. Per viewer: the time zone and the language (`locale`, "en"/"es",
 * formatted with its INTL_LOCALE; English when absent).
 */
import { INTL_LOCALE, type Locale } from "./i18n/locales";

export type DateOptions = { timeZone?: string; locale?: Locale };

const intl = (opts: DateOptions) => INTL_LOCALE[opts.locale ?? "en"];

export function formatDateTime(date: Date, opts: DateOptions = {}): string {
  return new Intl.DateTimeFormat(intl(opts), {
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: opts.timeZone,
  }).format(date);
}

export function formatDate(date: Date, opts: DateOptions = {}): string {
  return new Intl.DateTimeFormat(intl(opts), { month: "short", day: "numeric", year: "numeric", timeZone: opts.timeZone }).format(date);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** Under a minute, which `Intl.RelativeTimeFormat` would call "in 0 minutes". */
const UNDER_A_MINUTE: Record<Locale, { soon: string; now: string }> = {
  en: { soon: "in a moment", now: "just now" },
  es: { soon: "en un momento", now: "hace un momento" },
};

/** "in 3 hours", "5 minutes ago", "yesterday"; under a minute is "just now" (or "in a moment"). */
export function formatRelative(date: Date, now: Date, opts: DateOptions = {}): string {
  const ms = date.getTime() - now.getTime();
  const rtf = new Intl.RelativeTimeFormat(intl(opts), { numeric: "auto" });
  for (const [unit, size] of UNITS) {
    if (Math.abs(ms) >= size) return rtf.format(Math.trunc(ms / size), unit);
  }
  const words = UNDER_A_MINUTE[opts.locale ?? "en"];
  return ms >= 0 ? words.soon : words.now;
}

/** A time of day, "3:42 PM" ("3:42 p.m." in Spanish), in the given time zone (the viewer's when absent). */
export function formatTime(date: Date, opts: DateOptions = {}): string {
  return new Intl.DateTimeFormat(intl(opts), { hour: "numeric", minute: "2-digit", timeZone: opts.timeZone }).format(date);
}
