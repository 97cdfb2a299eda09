/**
 * Recurring-cleanup schedule maths, on calendar dates in the app's time zone (pure; no clock, no database).
 *
 * A schedule is anchored on its first service date:
 * - WEEKLY: every 7 days from the first date; BIWEEKLY: every 14 days from it.
 * - MONTHLY: the same ordinal weekday as the first date (its 2nd Tuesday → every month's 2nd Tuesday); when the
 *   first date is a 5th weekday, months without one use their last such weekday.
 * Dates are "YYYY-MM-DD" strings (local calendar days), so daylight-saving changes cannot shift them; only
 * `zonedTime` turns a local date and wall-clock time into an instant.
 */
export type Frequency = "WEEKLY" | "BIWEEKLY" | "MONTHLY";
export type LocalDate = string; // YYYY-MM-DD
export type Schedule = { frequency: Frequency; firstServiceDate: LocalDate };

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDayNumber(date: LocalDate): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new Error(`No such date: ${date}`);
  return ms / DAY_MS;
}

function fromDayNumber(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function isValidLocalDate(date: string): boolean {
  try {
    toDayNumber(date);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(toDayNumber(date) * DAY_MS).getUTCDay();
}

/** Which occurrence of its weekday the date is in its month: 1…5. */
export function weekdayOrdinal(date: LocalDate): number {
  return Math.floor((Number(date.slice(8, 10)) - 1) / 7) + 1;
}

function daysInMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** The `ordinal`-th `weekday` of a month, or its last one when the month has fewer. */
export function nthWeekdayOfMonth(year: number, month0: number, weekday: number, ordinal: number): LocalDate {
  const firstWeekday = new Date(Date.UTC(year, month0, 1)).getUTCDay();
  const firstDay = 1 + ((weekday - firstWeekday + 7) % 7);
  let day = firstDay + (ordinal - 1) * 7;
  while (day > daysInMonth(year, month0)) day -= 7;
  return fromDayNumber(Date.UTC(year, month0, day) / DAY_MS);
}

export function isServiceDate(schedule: Schedule, date: LocalDate): boolean {
  const diff = compareDates(date, schedule.firstServiceDate);
  if (diff < 0) return false;
  if (schedule.frequency === "WEEKLY") return diff % 7 === 0;
  if (schedule.frequency === "BIWEEKLY") return diff % 14 === 0;
  const first = schedule.firstServiceDate;
  const y = Number(date.slice(0, 4));
  const m0 = Number(date.slice(5, 7)) - 1;
  return nthWeekdayOfMonth(y, m0, dayOfWeek(first), weekdayOrdinal(first)) === date;
}

/** The next `count` service dates on or after `from`. */
export function nextServiceDates(schedule: Schedule, from: LocalDate, count: number): LocalDate[] {
  const out: LocalDate[] = [];
  let cursor = compareDates(from, schedule.firstServiceDate) < 0 ? schedule.firstServiceDate : from;
  if (schedule.frequency !== "MONTHLY") {
    const step = schedule.frequency === "WEEKLY" ? 7 : 14;
    const offset = compareDates(cursor, schedule.firstServiceDate) % step;
    cursor = offset === 0 ? cursor : addDays(cursor, step - offset);
    for (let i = 0; i < count; i++) out.push(addDays(cursor, i * step));
    return out;
  }
  const first = schedule.firstServiceDate;
  let y = Number(cursor.slice(0, 4));
  let m0 = Number(cursor.slice(5, 7)) - 1;
  while (out.length < count) {
    const candidate = nthWeekdayOfMonth(y, m0, dayOfWeek(first), weekdayOrdinal(first));
    if (compareDates(candidate, cursor) >= 0) out.push(candidate);
    m0 += 1;
    if (m0 === 12) {
      m0 = 0;
      y += 1;
    }
  }
  return out;
}

/** The calendar date of `instant` in `timeZone`. */
export function localDateIn(timeZone: string, instant: Date): LocalDate {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Minutes `timeZone` is ahead of UTC at `instant`. */
function offsetMinutes(timeZone: string, instant: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant when the wall clock in `timeZone` shows `time` ("HH:MM") on `date`. A time skipped by a
 * spring-forward change resolves to the moment after the gap; a repeated one to its first occurrence.
 */
export function zonedTime(date: LocalDate, time: string, timeZone: string): Date {
  const [h, m] = time.split(":").map(Number);
  const wall = toDayNumber(date) * DAY_MS + (h! * 60 + m!) * 60_000;
  // The zone's offsets half a day before and after cover any change that day; keep the candidates whose own
  // offset agrees (two in a repeated hour: the earlier wins; none in a skipped hour: the pre-change offset).
  const before = offsetMinutes(timeZone, new Date(wall - DAY_MS / 2));
  const after = offsetMinutes(timeZone, new Date(wall + DAY_MS / 2));
  const candidates = [before, after]
    .map((offset) => ({ offset, at: wall - offset * 60_000 }))
    .filter((c) => offsetMinutes(timeZone, new Date(c.at)) === c.offset)
    .map((c) => c.at);
  return new Date(candidates.length ? Math.min(...candidates) : wall - before * 60_000);
}
