import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatRelative, formatTime } from "./format-date";

const at = new Date("2026-11-29T23:57:15Z");

describe("formatDateTime", () => {
  it("says the time in the given time zone, without seconds", () => {
    expect(formatDateTime(at, { timeZone: "America/New_York" })).toBe("Sun, Nov 29, 6:57 PM");
    expect(formatDateTime(at, { timeZone: "Europe/Berlin" })).toBe("Mon, Nov 30, 12:57 AM");
  });
  it("formats a plain date", () => {
    expect(formatDate(at, { timeZone: "UTC" })).toBe("Nov 29, 2026");
  });
});

describe("formatRelative", () => {
  const now = new Date("2026-11-29T12:00:00Z");
  const plus = (ms: number) => new Date(now.getTime() + ms);
  it("uses the largest whole unit", () => {
    expect(formatRelative(plus(3 * 3_600_000 + 20 * 60_000), now)).toBe("in 3 hours");
    expect(formatRelative(plus(-5 * 60_000), now)).toBe("5 minutes ago");
    expect(formatRelative(plus(-26 * 3_600_000), now)).toBe("yesterday");
  });
  it("says under a minute in words", () => {
    expect(formatRelative(plus(-10_000), now)).toBe("just now");
    expect(formatRelative(plus(10_000), now)).toBe("in a moment");
  });
});

describe("in Spanish (es-US)", () => {
  const now = new Date("2026-11-29T12:00:00Z");
  const plus = (ms: number) => new Date(now.getTime() + ms);
  it("says dates and times the way es-US reads them", () => {
    expect(formatDateTime(at, { timeZone: "America/New_York", locale: "es" })).toBe("dom, 29 de nov, 6:57 p.m.");
    expect(formatDate(at, { timeZone: "UTC", locale: "es" })).toBe("29 nov 2026");
    expect(formatTime(at, { timeZone: "America/New_York", locale: "es" })).toBe("6:57 p.m.");
    expect(formatTime(at, { timeZone: "America/New_York" })).toMatch(/^6:57\sPM$/);
  });
  it("says relative times in Spanish", () => {
    expect(formatRelative(plus(3 * 3_600_000 + 20 * 60_000), now, { locale: "es" })).toBe("dentro de 3 horas");
    expect(formatRelative(plus(-5 * 60_000), now, { locale: "es" })).toBe("hace 5 minutos");
    expect(formatRelative(plus(-26 * 3_600_000), now, { locale: "es" })).toBe("ayer");
    expect(formatRelative(plus(-10_000), now, { locale: "es" })).toBe("hace un momento");
    expect(formatRelative(plus(10_000), now, { locale: "es" })).toBe("en un momento");
  });
});
