/**
 * Which map tiles cover a view, and where, with Leaflet's own arithmetic (EPSG:3857, 256 px tiles, the view's centre
 * at the middle of the box): the board draws its first view from these in the server's HTML (map-preview.tsx), so
 * the tiles Leaflet asks for a moment later are the same URLs at the same places, already in the browser's cache.
 */
export const TILE_SIZE = 256;
const MAX_LATITUDE = 85.0511287798;

/** The point's position in pixels on the whole world map at `zoom` (Leaflet's `map.project`). */
export function worldPixel(lat: number, lng: number, zoom: number): { x: number; y: number } {
  const scale = TILE_SIZE * 2 ** zoom;
  const sin = Math.sin((Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat)) * Math.PI) / 180);
  return { x: scale * (lng / 360 + 0.5), y: scale * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) };
}

/**
 * A tile template's URL the way Leaflet's TileLayer builds it with its default options: `{s}` the subdomain Leaflet
 * picks ("abc", by x + y), `{r}` empty (no retina), `{-y}` the TMS row. Null for a template with other placeholders
 * (they would need options only Leaflet is given).
 */
export function tileUrl(template: string, z: number, x: number, y: number): string | null {
  const values: Record<string, string> = { z: String(z), x: String(x), y: String(y), "-y": String(2 ** z - 1 - y), s: "abc"[Math.abs(x + y) % 3]!, r: "" };
  let unknown = false;
  const url = template.replace(/\{ *([\w_ -]+) *\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) unknown = true;
    return value ?? "";
  });
  return unknown ? null : url;
}

export type PlacedTile = { url: string; left: number; top: number };

/**
 * The tiles that cover a box of up to `halfWidth` × `halfHeight` pixels either side of the centre, each with its
 * offset in pixels from the box's centre to its top-left corner. Columns wrap around the world as Leaflet's do;
 * rows past the poles are left out.
 */
export function tilesAround(template: string, center: { lat: number; lng: number }, zoom: number, halfWidth: number, halfHeight: number): PlacedTile[] | null {
  const c = worldPixel(center.lat, center.lng, zoom);
  const count = 2 ** zoom;
  const tiles: PlacedTile[] = [];
  for (let ty = Math.floor((c.y - halfHeight) / TILE_SIZE); ty <= Math.floor((c.y + halfHeight) / TILE_SIZE); ty++) {
    if (ty < 0 || ty >= count) continue;
    for (let tx = Math.floor((c.x - halfWidth) / TILE_SIZE); tx <= Math.floor((c.x + halfWidth) / TILE_SIZE); tx++) {
      const url = tileUrl(template, zoom, ((tx % count) + count) % count, ty);
      if (url === null) return null;
      tiles.push({ url, left: Math.round(tx * TILE_SIZE - c.x), top: Math.round(ty * TILE_SIZE - c.y) });
    }
  }
  return tiles;
}
