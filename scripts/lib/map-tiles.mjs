/**
 * OpenStreetMap's public tile server is for development only: its usage policy forbids an app's production
 * traffic. `next build` (production) refuses it, default or chosen, with words that say what to set instead.
 * @param {string} tileUrl the resolved NEXT_PUBLIC_MAP_TILE_URL
 * @returns {string | null} why the build must stop, or null
 */
export function publicTileProblem(tileUrl) {
  let host;
  try {
    host = new URL(tileUrl.replaceAll(/[{}]/g, "")).hostname;
  } catch {
    return null; // a relative template ("/api/tiles/{z}/{x}/{y}") or "none"
  }
  if (host !== "tile.openstreetmap.org" && !host.endsWith(".tile.openstreetmap.org")) return null;
  return (
    "Map tiles: OpenStreetMap's public tile server does not allow an app's production traffic. Set NEXT_PUBLIC_MAP_TILE_URL " +
    "(and NEXT_PUBLIC_MAP_ATTRIBUTION) to a provider that does, e.g. MapTiler, Stadia Maps or Thunderforest (docs/deploy.md), " +
    'or "/api/tiles/{z}/{x}/{y}" for plain offline tiles, or "none".'
  );
}
