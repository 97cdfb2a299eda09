"use client";
import L from "leaflet";
import { useState } from "react";
import { MapContainer, Marker, Popup, TileLayer, useMapEvents } from "react-leaflet";
import { env } from "@/env";
import type { Bounds } from "@/lib/geo";
import { formatCents } from "@/lib/money";
import { api } from "@/trpc/react";

const NEW_YORK: [number, number] = [40.7128, -73.95];
// A 1×1 transparent GIF: when tiles cannot load (offline, blocked) Leaflet shows blank squares, not broken images.
const BLANK_TILE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

// Icons depend only on type and price, so pins share them.
const iconCache = new Map<string, L.DivIcon>();
function pinIcon(type: string, priceCents: number): L.DivIcon {
  const key = `${type}-${priceCents}`;
  let icon = iconCache.get(key);
  if (!icon) {
    icon = L.divIcon({
      className: `scoop-pin scoop-pin--${type}`,
      html: `<span class="scoop-pin__badge">${formatCents(priceCents)}</span>`,
      iconSize: [0, 0],
    });
    iconCache.set(key, icon);
  }
  return icon;
}

function toBounds(b: L.LatLngBounds): Bounds {
  return { south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() };
}

function ViewportWatcher({ onChange }: { onChange: (b: Bounds) => void }) {
  const map = useMapEvents({ moveend: () => onChange(toBounds(map.getBounds())) });
  return null;
}

export function JobMapInner() {
  const [bounds, setBounds] = useState<Bounds>({ south: 40.5, west: -74.1, north: 40.95, east: -73.7 });
  const jobs = api.jobs.openInViewport.useQuery({ bounds }, { placeholderData: (prev) => prev });
  const tileUrl = env.NEXT_PUBLIC_MAP_TILE_URL;

  return (
    <div className="relative h-full w-full" data-testid="job-map">
      <MapContainer center={NEW_YORK} zoom={11} className="h-full w-full" scrollWheelZoom>
        {tileUrl !== "none" && (
          <TileLayer url={tileUrl} attribution={env.NEXT_PUBLIC_MAP_ATTRIBUTION} errorTileUrl={BLANK_TILE} />
        )}
        <ViewportWatcher onChange={setBounds} />
        {jobs.data?.jobs.map((job) => {
          return (
            <Marker key={job.id} position={[job.lat, job.lng]} icon={pinIcon(job.type, job.priceCents)} title={`${job.type} ${formatCents(job.priceCents)}`}>
              <Popup>
                <div className="space-y-1">
                  <div className="font-semibold">{formatCents(job.priceCents)}</div>
                  <div className="text-xs text-slate-600">{job.address}</div>
                  <div className="text-xs">Take-home {formatCents(job.takeHomeCents)}</div>
                </div>
              </Popup>
            </Marker>
          );
        })}
      </MapContainer>
      <div className="pointer-events-none absolute left-3 top-3 z-[1000] rounded-full bg-white/90 px-3 py-1 text-sm shadow">
        {jobs.isLoading ? "Loading jobs…" : `${jobs.data?.jobs.length ?? 0} open jobs here`}
      </div>
    </div>
  );
}
