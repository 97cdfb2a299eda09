import { describe, expect, it } from "vitest";
import { nearestNeighbourOrder, pathLengthMeters, planRoute, twoOpt } from "./route";

// A 7-stop day around a Brooklyn start, laid out on a ~200 m grid (x east, y north). Nearest neighbour walks to
// the close stops in the middle first and then has to cross back; 2-opt finds the sweep.
const start = { lat: 40.68, lng: -73.97 };
const grid = (x: number, y: number) => ({ lat: start.lat + y * 0.0018, lng: start.lng + (x * 0.0018) / Math.cos((start.lat * Math.PI) / 180) });
const stops = [[-2, 16], [-15, 9], [-20, -12], [-10, 17], [9, 13], [3, 13], [1, 3]].map(([x, y], i) => ({ id: `s${i}`, ...grid(x!, y!) }));

describe("route for the day", () => {
  it("is measurably shorter than plain nearest neighbour on this layout", () => {
    const nn = nearestNeighbourOrder(start, stops);
    const improved = twoOpt(start, stops, nn);
    const nnMeters = pathLengthMeters(start, stops, nn);
    const routeMeters = pathLengthMeters(start, stops, improved);
    expect(routeMeters).toBeLessThan(nnMeters * 0.85);
    // planRoute returns that order, every stop once, with its legs adding up to the length.
    const plan = planRoute(start, stops);
    expect(plan.map((p) => p.stop.id)).toEqual(improved.map((i) => stops[i]!.id));
    expect(new Set(plan.map((p) => p.stop.id)).size).toBe(stops.length);
    expect(Math.abs(plan.reduce((sum, p) => sum + p.legMeters, 0) - routeMeters)).toBeLessThan(stops.length);
  });

  it("never makes a route longer than nearest neighbour, and handles no stop or one", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const pts = Array.from({ length: 6 }, (_, i) => grid(((seed * 37 + i * 53) % 41) - 20, ((seed * 17 + i * 29) % 41) - 20));
      const nn = nearestNeighbourOrder(start, pts);
      expect(pathLengthMeters(start, pts, twoOpt(start, pts, nn))).toBeLessThanOrEqual(pathLengthMeters(start, pts, nn));
    }
    expect(planRoute(start, [])).toEqual([]);
    expect(planRoute(start, [stops[0]!]).map((p) => p.stop.id)).toEqual(["s0"]);
  });
});
