/** Pure date helpers for the weekly earnings email (local dates in APP_TIMEZONE, DST-safe instants). */
import { addDays, dayOfWeek, localDateIn, zonedTime, type LocalDate } from "@/lib/schedules";

export type EarningsWeek = {
  /** Monday of the week, local date. */
  weekStart: LocalDate;
  /** Sunday of the week, local date. */
  weekEnd: LocalDate;
  /** [from, to): local midnight Monday to local midnight of the following Monday, as instants. */
  from: Date;
  to: Date;
};

/** The Monday–Sunday week before the one containing `now`, in `timeZone`. */
export function previousWeek(now: Date, timeZone: string): EarningsWeek {
  const today = localDateIn(timeZone, now);
  const thisMonday = addDays(today, -((dayOfWeek(today) + 6) % 7));
  const weekStart = addDays(thisMonday, -7);
  return {
    weekStart,
    weekEnd: addDays(thisMonday, -1),
    from: zonedTime(weekStart, "00:00", timeZone),
    to: zonedTime(thisMonday, "00:00", timeZone),
  };
}

/**
 * The area of an address for emails that must not carry the full address: everything after the street
 * part, without a ZIP code ("12 Oak St, Park Slope, Brooklyn, NY 11215" → "Park Slope, Brooklyn, NY").
 */
export function addressArea(address: string): string {
  const parts = address.split(",").map((p) => p.trim()).filter(Boolean);
  const rest = parts.length > 1 ? parts.slice(1) : [];
  const area = rest
    .map((p) => p.replace(/\b\d{5}(-\d{4})?\b/g, "").trim())
    .filter(Boolean)
    .join(", ");
  return area || "—";
}
