import { describe, expect, it } from "vitest";
import { createUnsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe-token";
import { addressArea, previousWeek } from "./week";

describe("unsubscribe token", () => {
  const secret = "a-secret-that-is-long-enough-for-tests";
  it("round-trips user and kind", () => {
    const token = createUnsubscribeToken(secret, "user_1", "earnings.weekly");
    expect(verifyUnsubscribeToken(secret, token)).toEqual({ userId: "user_1", kind: "earnings.weekly" });
  });
  it("refuses a tampered payload, another secret and garbage", () => {
    const token = createUnsubscribeToken(secret, "user_1", "earnings.weekly");
    const [, sig] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify(["user_2", "earnings.weekly"])).toString("base64url")}.${sig}`;
    expect(verifyUnsubscribeToken(secret, forged)).toBeNull();
    expect(verifyUnsubscribeToken("another-secret-another-secret-xx", token)).toBeNull();
    expect(verifyUnsubscribeToken(secret, "nope")).toBeNull();
    expect(verifyUnsubscribeToken(secret, `${token}.x`)).toBeNull();
  });
});

describe("previousWeek", () => {
  const tz = "America/New_York";
  it("is the Monday–Sunday before, with local-midnight bounds across spring-forward", () => {
    // Monday 2027-03-15 08:00 EDT: the previous week is Mon 8 – Sun 14 March, which contains the DST change.
    const week = previousWeek(new Date("2027-03-15T12:00:00Z"), tz);
    expect(week).toMatchObject({ weekStart: "2027-03-08", weekEnd: "2027-03-14" });
    expect(week.from.toISOString()).toBe("2027-03-08T05:00:00.000Z"); // EST midnight
    expect(week.to.toISOString()).toBe("2027-03-15T04:00:00.000Z"); // EDT midnight
  });
  it("treats a Sunday as inside the current week", () => {
    const week = previousWeek(new Date("2027-03-21T15:00:00Z"), tz);
    expect(week.weekStart).toBe("2027-03-08");
  });
  it("uses the local date, not UTC's (Monday 01:00 UTC is still Sunday in New York)", () => {
    expect(previousWeek(new Date("2027-03-22T01:00:00Z"), tz).weekStart).toBe("2027-03-08");
    expect(previousWeek(new Date("2027-03-22T05:00:00Z"), tz).weekStart).toBe("2027-03-15");
  });
});

describe("addressArea", () => {
  it("drops the street and the ZIP code", () => {
    expect(addressArea("12 Oak St, Park Slope, Brooklyn, NY 11215")).toBe("Park Slope, Brooklyn, NY");
    expect(addressArea("1 Test St, Brooklyn")).toBe("Brooklyn");
    expect(addressArea("just a street")).toBe("—");
  });
});
