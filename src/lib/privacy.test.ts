import { describe, expect, it } from "vitest";
import { APPROX_CELL_DEGREES, approximatePoint, streetOnly } from "./privacy";

describe("streetOnly", () => {
  it.each([
    ["12 Test Ave, Brooklyn", "Test Ave, Brooklyn"],
    ["12-14 Test Ave, Apt 4B, Brooklyn", "Test Ave, Brooklyn"],
    ["221B Baker Street, London", "Baker Street, London"],
    ["7 W 34th St #12, New York", "W 34th St, New York"],
    ["Prospect Park West, Brooklyn", "Prospect Park West, Brooklyn"],
    ["12", "Address shared after the claim"],
  ])("%s → %s", (address, expected) => {
    expect(streetOnly(address)).toBe(expected);
  });
});

describe("approximatePoint", () => {
  it("moves every point of a cell to the cell's centre, never more than half a cell away", () => {
    const a = approximatePoint({ lat: 40.68001, lng: -73.97001 });
    const b = approximatePoint({ lat: 40.6805, lng: -73.9699 });
    expect(a).toEqual(b);
    expect(Math.abs(a.lat - 40.68001)).toBeLessThanOrEqual(APPROX_CELL_DEGREES);
    expect(Math.abs(a.lng + 73.97001)).toBeLessThanOrEqual(APPROX_CELL_DEGREES);
  });
});
