import { describe, expect, it } from "vitest";
import { tilesAround, tileUrl, worldPixel } from "./map-tiles";

describe("map tiles", () => {
  it("projects as Leaflet's EPSG:3857 does", () => {
    expect(worldPixel(0, 0, 0)).toEqual({ x: 128, y: 128 });
    // New York at zoom 11: Leaflet 1.9's L.CRS.EPSG3857.latLngToPoint([40.7128, -73.95], 11) is
    // (154 446.5067, 197 122.2208).
    const p = worldPixel(40.7128, -73.95, 11);
    expect(p.x).toBeCloseTo(154_446.5067, 3);
    expect(p.y).toBeCloseTo(197_122.2208, 3);
    // Beyond Web Mercator's limit a latitude is clamped, not infinite.
    expect(Number.isFinite(worldPixel(90, 0, 3).y)).toBe(true);
  });

  it("builds URLs from the template as Leaflet's TileLayer does", () => {
    expect(tileUrl("/api/tiles/{z}/{x}/{y}", 11, 603, 769)).toBe("/api/tiles/11/603/769");
    expect(tileUrl("https://{s}.tile.example/{z}/{x}/{y}{r}.png", 2, 1, 1)).toBe("https://c.tile.example/2/1/1.png");
    expect(tileUrl("https://t.example/{z}/{x}/{-y}.png", 2, 1, 0)).toBe("https://t.example/2/1/3.png");
    expect(tileUrl("https://t.example/{z}/{x}/{y}.png?key={apiKey}", 2, 1, 0)).toBeNull();
  });

  it("covers the box around the centre, offsets measured from the centre", () => {
    const tiles = tilesAround("/t/{z}/{x}/{y}", { lat: 40.7128, lng: -73.95 }, 11, 200, 250)!;
    // 400 × 500 px around x 154 446.5, y 197 122.2: columns 602–604, rows 769–770 (the tiles Leaflet asked for in
    // a phone-sized Lighthouse run).
    expect(tiles.map((t) => t.url)).toEqual(["/t/11/602/769", "/t/11/603/769", "/t/11/604/769", "/t/11/602/770", "/t/11/603/770", "/t/11/604/770"]);
    const centreTile = tiles.find((t) => t.url === "/t/11/603/770")!;
    // The centre lies 78.5 px right of the tile's left edge and 2.2 px below its top.
    expect(centreTile).toMatchObject({ left: -79, top: -2 });
    for (const t of tiles) {
      expect(t.left).toBeLessThanOrEqual(200);
      expect(t.left + 256).toBeGreaterThanOrEqual(-200);
    }
  });

  it("wraps columns around the world and leaves out rows past the poles", () => {
    // Zoom 1 (2 × 2 tiles), centre x 511.9, y 15.7: columns 0–3 wrap to 0, 1, 0, 1; row −1 is past the pole.
    const tiles = tilesAround("/t/{z}/{x}/{y}", { lat: 84, lng: 179.9 }, 1, 300, 300)!;
    expect(tiles.map((t) => t.url)).toEqual(["/t/1/0/0", "/t/1/1/0", "/t/1/0/0", "/t/1/1/0", "/t/1/0/1", "/t/1/1/1", "/t/1/0/1", "/t/1/1/1"]);
    expect(tiles.slice(0, 4).map((t) => t.left)).toEqual([-512, -256, 0, 256]);
  });
});
