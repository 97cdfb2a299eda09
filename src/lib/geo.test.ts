import { describe, expect, it } from "vitest";
import { boundsSchema, distanceMeters, straightLineEtaMinutes } from "./geo";

describe("geo", () => {
  it("measures great-circle distance", () => {
    // Times Square to Grand Central: about 750 m.
    const d = distanceMeters({ lat: 40.758, lng: -73.9855 }, { lat: 40.7527, lng: -73.9772 });
    expect(d).toBeGreaterThan(700);
    expect(d).toBeLessThan(1000);
    expect(distanceMeters({ lat: 1, lng: 1 }, { lat: 1, lng: 1 })).toBe(0);
  });
  it("rejects inverted or out-of-range viewports", () => {
    expect(boundsSchema.safeParse({ south: 40, west: -74, north: 41, east: -73 }).success).toBe(true);
    expect(boundsSchema.safeParse({ south: 41, west: -74, north: 40, east: -73 }).success).toBe(false);
    expect(boundsSchema.safeParse({ south: -91, west: -74, north: 40, east: -73 }).success).toBe(false);
  });
  it("estimates arrival from the straight-line distance, rounding up to whole minutes", () => {
    expect(straightLineEtaMinutes(5000, 25)).toBe(12); // 5 km at 25 km/h = 12 min
    expect(straightLineEtaMinutes(5001, 25)).toBe(13);
    expect(straightLineEtaMinutes(10, 25)).toBe(1);
    expect(straightLineEtaMinutes(0, 25)).toBe(0);
    expect(straightLineEtaMinutes(5000, 50)).toBe(6);
  });
});
