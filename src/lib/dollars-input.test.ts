import { describe, expect, it } from "vitest";
import { parseDollars } from "./dollars-input";

describe("parseDollars", () => {
  it("reads dollars and cents", () => {
    expect(parseDollars("25")).toEqual({ ok: true, cents: 2500 });
    expect(parseDollars(" $12.5 ")).toEqual({ ok: true, cents: 1250 });
    expect(parseDollars("1,000.05")).toEqual({ ok: true, cents: 100005 });
    expect(parseDollars("12.")).toEqual({ ok: true, cents: 1200 });
  });
  it("refuses a negative amount instead of dropping the minus", () => {
    expect(parseDollars("-5")).toEqual({ ok: false, error: "negative" });
  });
  it("refuses text and fractions of a cent", () => {
    expect(parseDollars("five")).toEqual({ ok: false, error: "notAmount" });
    expect(parseDollars("")).toEqual({ ok: false, error: "notAmount" });
    expect(parseDollars("1.005")).toEqual({ ok: false, error: "cents" });
  });
});
