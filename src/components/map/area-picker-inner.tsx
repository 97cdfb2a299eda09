"use client";
import L from "leaflet";
import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { MapContainer, Marker, Rectangle, TileLayer } from "react-leaflet";
import { MAP_ATTRIBUTION, MAP_TILE_URL } from "./map-settings";

const BLANK_TILE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";
/** HTML-escaped text, for words that go into a marker's icon HTML. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** A corner marker, its badge in the reader's language. */
const cornerIcon = (word: string) =>
  L.divIcon({ className: "scoop-pin scoop-pin--LITTER", html: `<span class="scoop-pin__badge">${escapeHtml(word)}</span>`, iconSize: [0, 0] });
const NEW_YORK: [number, number] = [40.6782, -73.9442];

export type AreaBox = { south: number; west: number; north: number; east: number };
const round = (n: number) => Math.round(n * 100_000) / 100_000;

/**
 * A rectangle on the map: "Use the map's view" takes (a little inside) the visible area as the box; the two corner markers drag to
 * adjust it. The typed numbers next to it stay the source of truth (this only fills them).
 */
export function AreaPickerInner({ value, onChange }: { value: AreaBox | null; onChange: (box: AreaBox) => void }) {
  const t = useTranslations("board");
  const cornerWord = t("jobMap.corner");
  const corner = useMemo(() => cornerIcon(cornerWord), [cornerWord]);
  const [map, setMap] = useState<L.Map | null>(null);
  const moveCorner = (which: "sw" | "ne", to: L.LatLng) => {
    if (!value) return;
    const next = which === "sw" ? { ...value, south: round(to.lat), west: round(to.lng) } : { ...value, north: round(to.lat), east: round(to.lng) };
    onChange(next);
  };
  return (
    <div className="space-y-2">
      <div className="h-64 overflow-hidden rounded-lg border" data-testid="area-picker">
        <MapContainer center={value ? [(value.south + value.north) / 2, (value.west + value.east) / 2] : NEW_YORK} zoom={11} className="h-full w-full" ref={setMap}>
          {MAP_TILE_URL !== "none" && <TileLayer url={MAP_TILE_URL} attribution={MAP_ATTRIBUTION} errorTileUrl={BLANK_TILE} />}
          {value && (
            <>
              <Rectangle bounds={[[value.south, value.west], [value.north, value.east]]} pathOptions={{ color: "#b45309", weight: 2 }} />
              <Marker position={[value.south, value.west]} icon={corner} draggable eventHandlers={{ dragend: (e) => moveCorner("sw", (e.target as L.Marker).getLatLng()) }} />
              <Marker position={[value.north, value.east]} icon={corner} draggable eventHandlers={{ dragend: (e) => moveCorner("ne", (e.target as L.Marker).getLatLng()) }} />
            </>
          )}
        </MapContainer>
      </div>
      <button
        type="button"
        className="rounded-lg border px-3 py-2 text-sm font-semibold"
        disabled={!map}
        onClick={() => {
          // A little inside the view, so both corners can be seen and dragged.
          const b = map!.getBounds().pad(-0.1);
          onChange({ south: round(b.getSouth()), west: round(b.getWest()), north: round(b.getNorth()), east: round(b.getEast()) });
        }}
      >
        {t("jobMap.useView")}
      </button>
    </div>
  );
}
