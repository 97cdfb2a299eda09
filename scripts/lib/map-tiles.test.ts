import { describe, expect, it } from "vitest";
import { publicTileProblem } from "./map-tiles.mjs";

describe("production map tiles", () => {
  it("refuses OpenStreetMap's public tile servers", () => {
    expect(publicTileProblem("https://tile.openstreetmap.org/{z}/{x}/{y}.png")).toMatch(/does not allow an app's production traffic/);
    expect(publicTileProblem("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png")).toMatch(/NEXT_PUBLIC_MAP_TILE_URL/);
  });
  it("accepts a provider's URL, the offline tiles and none", () => {
    expect(publicTileProblem("https://api.maptiler.com/maps/streets-v2/256/{z}/{x}/{y}.png?key=abc")).toBeNull();
    expect(publicTileProblem("/api/tiles/{z}/{x}/{y}")).toBeNull();
    expect(publicTileProblem("none")).toBeNull();
  });
});
