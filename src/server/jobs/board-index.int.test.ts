import { describe, expect, it } from "vitest";
import { BoardIndex } from "./board-index";

const CITY = { south: 40.5, west: -74.3, north: 40.95, east: -73.6 };
const job = (id: string, over: Partial<{ lat: number; lng: number; priceCents: number; type: string; pileEstimate: string | null; createdAt: Date }> = {}) => ({
  id,
  lat: 40.7,
  lng: -73.95,
  priceCents: 2000,
  type: "POOP",
  pileEstimate: "PILES_1_3",
  createdAt: new Date(),
  expiresAt: new Date(Date.now() + 86_400_000),
  ...over,
});
const total = (index: BoardIndex, q: Partial<Parameters<BoardIndex["clusters"]>[0]> = {}, viewer: string | null = null, now = Date.now()) =>
  index.clusters({ bounds: CITY, zoom: 11, ...q }, viewer, now).total;

describe("board index", () => {
  it("gives the same answer built in bulk as built one event at a time, and forgets removed jobs", () => {
    const rows = Array.from({ length: 300 }, (_, i) =>
      job(`j${i}`, { lat: 40.55 + (i % 17) * 0.02, lng: -74.2 + (i % 23) * 0.02, priceCents: 500 + i * 10, type: ["POOP", "LITTER", "BOTH"][i % 3]!, pileEstimate: i % 3 === 1 ? null : "PILES_4_8" }),
    );
    const bulk = new BoardIndex();
    bulk.startLoad();
    for (const r of rows) bulk.upsert(r, null);
    bulk.finishLoad();
    const live = new BoardIndex();
    for (const r of rows) live.upsert(r, null);
    for (const zoom of [3, 9, 11, 14]) {
      const a = bulk.clusters({ bounds: CITY, zoom, types: ["POOP", "BOTH"], minPriceCents: 1500 }, null);
      const b = live.clusters({ bounds: CITY, zoom, types: ["POOP", "BOTH"], minPriceCents: 1500 }, null);
      expect(a.total).toBe(b.total);
      expect(a.clusters.length).toBe(b.clusters.length);
    }
    expect(total(bulk)).toBe(300);
    for (let i = 0; i < 100; i++) bulk.remove(`j${i}`);
    expect(total(bulk)).toBe(200);
    expect(bulk.clusters({ bounds: CITY, zoom: 14 }, null).clusters.reduce((s, c) => s + c.count, 0)).toBe(200);
  });

  it("moves a job out of 'posted in the last hour' when the hour passes", () => {
    const index = new BoardIndex();
    const now = Date.now();
    index.upsert(job("new", { createdAt: new Date(now - 59 * 60_000) }), null, now);
    index.upsert(job("old", { createdAt: new Date(now - 2 * 3600_000) }), null, now);
    expect(total(index, { lastHour: true }, null, now)).toBe(1);
    expect(total(index, { lastHour: true }, null, now + 2 * 60_000)).toBe(0);
    expect(total(index, {}, null, now + 2 * 60_000)).toBe(2);
  });

  it("keeps reserved jobs for their scooper only, and counts a viewport across the antimeridian", () => {
    const index = new BoardIndex();
    index.upsert(job("mine"), "scooper-1");
    index.upsert(job("open"), null);
    expect(total(index)).toBe(1);
    expect(total(index, {}, "scooper-1")).toBe(2);
    index.upsert(job("mine"), null); // the preferred window ended: open to all
    expect(total(index)).toBe(2);

    index.upsert(job("fiji", { lat: -17.7, lng: 179.5 }), null);
    index.upsert(job("samoa", { lat: -13.8, lng: -172.1 }), null);
    expect(index.clusters({ bounds: { south: -25, west: 170, north: -10, east: -170 }, zoom: 4 }, null).total).toBe(2);
  });
});
