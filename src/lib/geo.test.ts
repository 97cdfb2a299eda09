import { describe, expect, it } from "vitest";
import { boundsSchema, distanceMeters } from "./geo";

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
});
