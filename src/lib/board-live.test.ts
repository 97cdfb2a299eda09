import { describe, expect, it } from "vitest";
import { applyOpenedToList, applyOpenedToView, insertPin, REFETCH } from "./board-live";
import { PIN_THRESHOLD } from "./board-limits";
import type { BoardJob } from "./schemas/board";

const NOW = Date.parse("2026-11-30T10:00:00Z");
const NYC = { south: 40.5, west: -74.3, north: 41, east: -73.6 };

function job(id: string, over: Partial<BoardJob> = {}): BoardJob {
  return {
    id, lat: 40.7, lng: -73.95, address: "Test Ave, Brooklyn", priceCents: 2000, takeHomeCents: 1700, type: "POOP", pileEstimate: "PILES_1_3",
    litterLevel: null, yardSegments: ["N"], createdAt: new Date(NOW - 60_000), expiresAt: new Date(NOW + 86_400_000), ...over,
  };
}
const pins = (...jobs: BoardJob[]) => ({ kind: "pins" as const, jobs, truncated: false });

describe("applying a new pin to a board answer held by the browser", () => {
  it("puts a matching job in newest-first order, and leaves the answer alone for one outside its bounds or filters", () => {
    const older = job("older", { createdAt: new Date(NOW - 3_600_000) });
    const fresh = job("fresh", { createdAt: new Date(NOW - 1_000) });
    const view = pins(job("mid", { createdAt: new Date(NOW - 600_000) }), older);
    expect(applyOpenedToView(view, [fresh], { bounds: NYC, zoom: 16 }, NOW)).toEqual(pins(fresh, view.jobs[0]!, older));

    const far = job("far", { lat: 34.05, lng: -118.24 });
    expect(applyOpenedToView(view, [far], { bounds: NYC, zoom: 16 }, NOW)).toBe(view);
    expect(applyOpenedToView(view, [fresh], { bounds: NYC, zoom: 16, types: ["LITTER"] }, NOW)).toBe(view);
    expect(applyOpenedToView(view, [fresh], { bounds: NYC, zoom: 16, minPriceCents: 2500 }, NOW)).toBe(view);
    expect(applyOpenedToView(view, [job("nopile", { pileEstimate: null })], { bounds: NYC, zoom: 16, pileEstimates: ["PILES_1_3"] }, NOW)).toBe(view);
    expect(applyOpenedToView(view, [older], { bounds: NYC, zoom: 16, postedWithinMinutes: 30 }, NOW)).toEqual(pins(view.jobs[0]!));
    expect(applyOpenedToView(view, [job("gone", { expiresAt: new Date(NOW - 1) })], { bounds: NYC, zoom: 16 }, NOW)).toBe(view);
  });

  it("orders by price and by distance from the viewport's centre as the board's SQL does", () => {
    const cheap = job("cheap", { priceCents: 1500 });
    const dear = job("dear", { priceCents: 4000 });
    const mid = job("mid", { priceCents: 2500 });
    expect(insertPin({ jobs: [dear, cheap], truncated: false }, mid, { bounds: NYC, sort: "price" }, NOW).jobs.map((j) => j.id)).toEqual(["dear", "mid", "cheap"]);

    const centre = { lat: 40.75, lng: -73.95 };
    const near = job("near", { lat: 40.751, lng: -73.951 });
    const farther = job("farther", { lat: 40.6, lng: -74.2 });
    const between = job("between", { lat: 40.7, lng: -74.0 });
    const got = insertPin({ jobs: [near, farther], truncated: false }, between, { bounds: NYC, sort: "distance", from: centre }, NOW);
    expect(got.jobs.map((j) => j.id)).toEqual(["near", "between", "farther"]);
  });

  it("keeps a cut answer at its limit, and does not add a job that sorts after every pin it holds", () => {
    const a = job("a", { createdAt: new Date(NOW - 1_000) });
    const b = job("b", { createdAt: new Date(NOW - 2_000) });
    const full = { jobs: [a, b], truncated: true };
    const newer = job("newer", { createdAt: new Date(NOW - 500) });
    expect(applyOpenedToList(full, [newer], { bounds: NYC, limit: 2 }, NOW)).toEqual({ jobs: [newer, a], truncated: true });
    expect(applyOpenedToList(full, [job("old", { createdAt: new Date(NOW - 9_000) })], { bounds: NYC, limit: 2 }, NOW)).toBe(full);
    // Not cut yet, but one more than the limit: the answer becomes cut.
    expect(applyOpenedToList({ jobs: [a, b], truncated: false }, [newer], { bounds: NYC, limit: 2 }, NOW)).toEqual({ jobs: [newer, a], truncated: true });
  });

  it("replaces a job it already shows instead of showing it twice", () => {
    const before = job("same", { priceCents: 1500 });
    const after = job("same", { priceCents: 3000 });
    expect(applyOpenedToView(pins(before), [after], { bounds: NYC, zoom: 16 }, NOW)).toEqual(pins(after));
  });

  it("asks the server again when a zoomed-out pins answer would pass the pin threshold", () => {
    const many = Array.from({ length: PIN_THRESHOLD }, (_, i) => job(`j${i}`));
    expect(applyOpenedToView(pins(...many), [job("one-more")], { bounds: NYC, zoom: 11 }, NOW)).toBe(REFETCH);
    // Zoomed in past the cluster zooms, the server answers pins whatever their number.
    expect(applyOpenedToView(pins(...many), [job("one-more")], { bounds: NYC, zoom: 15 }, NOW)).not.toBe(REFETCH);
  });

  it("counts a new job in the cluster whose cell holds it, and refetches when no cluster holds it yet", () => {
    const cell = { south: 40.6, west: -74.0, north: 40.8, east: -73.9 };
    const view = {
      kind: "clusters" as const, total: 300, indexBuiltAt: new Date(NOW),
      clusters: [{ lat: 40.7, lng: -73.95, count: 3, minPriceCents: 1500, maxPriceCents: 2500, bounds: cell }],
    };
    const got = applyOpenedToView(view, [job("in-cell", { lat: 40.74, lng: -73.95, priceCents: 5000 })], { bounds: NYC, zoom: 11 }, NOW);
    expect(got).toEqual({ ...view, total: 301, clusters: [{ lat: 40.71, lng: -73.95, count: 4, minPriceCents: 1500, maxPriceCents: 5000, bounds: cell }] });
    expect(applyOpenedToView(view, [job("empty-cell", { lat: 40.9, lng: -73.7 })], { bounds: NYC, zoom: 11 }, NOW)).toBe(REFETCH);
    // Cluster price filters work in $5 steps: $21 counts under a $23 minimum (the $20 step).
    expect(applyOpenedToView(view, [job("step", { lat: 40.74, priceCents: 2100 })], { bounds: NYC, zoom: 11, minPriceCents: 2300 }, NOW)).not.toBe(view);
    expect(applyOpenedToView(view, [job("below", { lat: 40.74, priceCents: 1900 })], { bounds: NYC, zoom: 11, minPriceCents: 2300 }, NOW)).toBe(view);
  });
});
