/**
 * The board map's first view as plain tile images in the server's HTML, so the map shows at once on a phone instead
 * of after its script (Leaflet, the map component, the tRPC client) has loaded and run: the board's Lighthouse
 * figure waited on that chain for its largest paint (issue 16). The same tile URLs at the same places as Leaflet's
 * (src/lib/map-tiles.ts), so Leaflet's tiles come from the browser's cache and draw over these without a jump;
 * BoardMap removes the preview once they have loaded.
 *
 * A phone-sized box (416 × 512 px) is fetched at once; the tiles around it only on wider screens (`sm` and up), and
 * lazily: a lazy image that is not displayed is never fetched, so a phone downloads only what it can show.
 * Only the central tile (the page's largest paint) is asked for early with high priority: React announces an eager,
 * not-low-priority image in the response's `Link` header, and nine tile preloads there took the browser's six
 * connections (HTTP/1.1) ahead of the stylesheet, which then waited on them before anything could paint.
 */
import { MAP_TILE_URL } from "./map-settings";
import { tilesAround, TILE_SIZE } from "@/lib/map-tiles";

const PHONE = { halfWidth: 208, halfHeight: 256 };
const WIDE = { halfWidth: 512, halfHeight: 400 };

export function MapPreview({ center, zoom, hidden }: { center: { lat: number; lng: number }; zoom: number; hidden?: boolean }) {
  const tiles = MAP_TILE_URL === "none" ? null : tilesAround(MAP_TILE_URL, center, zoom, WIDE.halfWidth, WIDE.halfHeight);
  if (!tiles) return null;
  return (
    <div aria-hidden hidden={hidden} className="pointer-events-none absolute inset-0 overflow-hidden" data-testid="map-preview">
      {tiles.map((tile) => {
        const onPhone = tile.left < PHONE.halfWidth && tile.left + TILE_SIZE > -PHONE.halfWidth && tile.top < PHONE.halfHeight && tile.top + TILE_SIZE > -PHONE.halfHeight;
        const central = tile.left <= 0 && tile.left + TILE_SIZE > 0 && tile.top <= 0 && tile.top + TILE_SIZE > 0;
        return (
          // eslint-disable-next-line @next/next/no-img-element -- the tile server's own images, as Leaflet shows them
          <img
            key={`${tile.left},${tile.top}`}
            src={tile.url}
            alt=""
            width={TILE_SIZE}
            height={TILE_SIZE}
            decoding="async"
            loading={onPhone ? "eager" : "lazy"}
            fetchPriority={central ? "high" : onPhone ? "low" : undefined}
            className={`absolute max-w-none ${onPhone ? "" : "hidden sm:block"}`}
            style={{ left: `calc(50% + ${tile.left}px)`, top: `calc(50% + ${tile.top}px)`, width: TILE_SIZE, height: TILE_SIZE }}
          />
        );
      })}
    </div>
  );
}
