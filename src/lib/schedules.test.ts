import { describe, expect, it } from "vitest";
import { isServiceDate, localDateIn, nextServiceDates, nthWeekdayOfMonth, weekdayOrdinal, zonedTime } from "./schedules";

const NY = "America/New_York";

describe("weekly and biweekly", () => {
  it("repeats every 7 days from the first date", () => {
    const s = { frequency: "WEEKLY" as const, firstServiceDate: "2026-12-01" }; // a Tuesday
    expect(nextServiceDates(s, "2026-11-20", 3)).toEqual(["2026-12-01", "2026-12-08", "2026-12-15"]);
    expect(nextServiceDates(s, "2026-12-09", 2)).toEqual(["2026-12-15", "2026-12-22"]);
    expect(isServiceDate(s, "2026-12-29")).toBe(true);
    expect(isServiceDate(s, "2026-12-30")).toBe(false);
    expect(isServiceDate(s, "2026-11-24")).toBe(false); // before the first date
  });

  it("repeats every 14 days from the first date, not from today", () => {
    const s = { frequency: "BIWEEKLY" as const, firstServiceDate: "2026-12-01" };
    expect(nextServiceDates(s, "2026-12-02", 3)).toEqual(["2026-12-15", "2026-12-29", "2027-01-12"]);
    expect(isServiceDate(s, "2026-12-08")).toBe(false);
    expect(isServiceDate(s, "2027-01-12")).toBe(true);
  });

  it("crosses month and year ends and leap days", () => {
    const s = { frequency: "WEEKLY" as const, firstServiceDate: "2028-02-22" };
    expect(nextServiceDates(s, "2028-02-22", 2)).toEqual(["2028-02-22", "2028-02-29"]);
  });
});

describe("monthly on an ordinal weekday", () => {
  it("keeps the same ordinal weekday each month", () => {
    const s = { frequency: "MONTHLY" as const, firstServiceDate: "2026-12-08" }; // 2nd Tuesday
    expect(weekdayOrdinal("2026-12-08")).toBe(2);
    expect(nextServiceDates(s, "2026-12-01", 4)).toEqual(["2026-12-08", "2027-01-12", "2027-02-09", "2027-03-09"]);
    expect(isServiceDate(s, "2027-01-12")).toBe(true);
    expect(isServiceDate(s, "2027-01-05")).toBe(false);
  });

  it("uses the last such weekday when a month has no 5th one", () => {
    const s = { frequency: "MONTHLY" as const, firstServiceDate: "2026-12-29" }; // 5th Tuesday
    expect(nextServiceDates(s, "2026-12-29", 4)).toEqual(["2026-12-29", "2027-01-26", "2027-02-23", "2027-03-30"]);
    expect(nthWeekdayOfMonth(2027, 1, 2, 5)).toBe("2027-02-23");
  });

  it("handles month ends (Saturday the 31st)", () => {
    const s = { frequency: "MONTHLY" as const, firstServiceDate: "2026-10-31" }; // 5th Saturday
    expect(nextServiceDates(s, "2026-11-01", 2)).toEqual(["2026-11-28", "2026-12-26"]);
  });
});

describe("time zones and daylight saving", () => {
  it("computes today's date in the app's time zone", () => {
    // 03:30 UTC on 1 Dec is still 30 Nov in New York.
    expect(localDateIn(NY, new Date("2026-12-01T03:30:00Z"))).toBe("2026-11-30");
    expect(localDateIn(NY, new Date("2026-12-01T05:30:00Z"))).toBe("2026-12-01");
  });

  it("puts 06:00 local at the right instant on both sides of spring-forward and fall-back", () => {
    expect(zonedTime("2027-03-13", "06:00", NY).toISOString()).toBe("2027-03-13T11:00:00.000Z"); // EST
    expect(zonedTime("2027-03-14", "06:00", NY).toISOString()).toBe("2027-03-14T10:00:00.000Z"); // EDT, the change day
    expect(zonedTime("2026-11-01", "06:00", NY).toISOString()).toBe("2026-11-01T11:00:00.000Z"); // EST, the change day
    expect(zonedTime("2026-10-31", "06:00", NY).toISOString()).toBe("2026-10-31T10:00:00.000Z"); // EDT
  });

  it("resolves skipped and repeated wall-clock times", () => {
    // 02:30 does not exist on 14 Mar 2027 in New York; it becomes 03:30 EDT.
    expect(zonedTime("2027-03-14", "02:30", NY).toISOString()).toBe("2027-03-14T07:30:00.000Z");
    // 01:30 happens twice on 1 Nov 2026; the first (EDT) is used.
    expect(zonedTime("2026-11-01", "01:30", NY).toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });

  it("keeps weekly dates on the same weekday across a DST change", () => {
    const s = { frequency: "WEEKLY" as const, firstServiceDate: "2027-03-07" }; // Sunday before spring-forward
    const dates = nextServiceDates(s, "2027-03-07", 3);
    expect(dates).toEqual(["2027-03-07", "2027-03-14", "2027-03-21"]);
    expect(dates.map((d) => localDateIn(NY, zonedTime(d, "06:00", NY)))).toEqual(dates);
  });
});
