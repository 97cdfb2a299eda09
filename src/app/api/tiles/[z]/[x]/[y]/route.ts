import { PLAIN_TILE_PNG } from "@/server/map/plain-tile";

/** Offline stand-in for a tile server: every tile is the same plain square. */
export function GET() {
  return new Response(new Uint8Array(PLAIN_TILE_PNG), {
    headers: { "content-type": "image/png", "cache-control": "public, max-age=86400, immutable" },
  });
}
