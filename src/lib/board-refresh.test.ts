import { describe, expect, it } from "vitest";
import { boxesMeet } from "./board-refresh";

const NYC = { south: 40.5, west: -74.3, north: 41, east: -73.6 };

describe("boxesMeet", () => {
  it("tells a batch's box inside, overlapping or away from a map's view", () => {
    expect(boxesMeet({ south: 40.6, west: -74, north: 40.7, east: -73.9 }, NYC)).toBe(true);
    expect(boxesMeet({ south: 40.9, west: -73.7, north: 41.2, east: -73.5 }, NYC)).toBe(true);
    expect(boxesMeet({ south: 34, west: -118.5, north: 34.2, east: -118.2 }, NYC)).toBe(false);
    expect(boxesMeet({ south: 41.1, west: -74, north: 41.2, east: -73.9 }, NYC)).toBe(false);
  });

  it("handles a box across the antimeridian", () => {
    const pacific = { south: -20, west: 170, north: -10, east: -170 };
    expect(boxesMeet(pacific, { south: -15, west: 175, north: -14, east: 176 })).toBe(true);
    expect(boxesMeet(pacific, { south: -15, west: -175, north: -14, east: -174 })).toBe(true);
    expect(boxesMeet(pacific, NYC)).toBe(false);
  });
});
