"use client";
import L from "leaflet";
import Link from "next/link";
import { useEffect, useState } from "react";
import { MapContainer, Marker, Popup, TileLayer, useMapEvents } from "react-leaflet";
import MarkerClusterGroup from "react-leaflet-cluster";
import "react-leaflet-cluster/dist/assets/MarkerCluster.css";
import "react-leaflet-cluster/dist/assets/MarkerCluster.Default.css";
import { env } from "@/env";
import type { Bounds } from "@/lib/geo";
import { formatCents } from "@/lib/money";
import { TYPE_LABEL } from "@/components/jobs/labels";
import { LiveIndicator } from "@/components/layout/live-indicator";
import { useQueryClient } from "@tanstack/react-query";
import { getQueryKey } from "@trpc/react-query";
import { api, type RouterInputs, type RouterOutputs } from "@/trpc/react";

const NEW_YORK: [number, number] = [40.7128, -73.95];
// A 1×1 transparent GIF: when tiles cannot load (offline, blocked) Leaflet shows blank squares, not broken images.
const BLANK_TILE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

export type BoardFilters = Omit<RouterInputs["jobs"]["openInViewport"], "bounds">;
export type BoardResult = RouterOutputs["jobs"]["openInViewport"];

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

/**
 * The live board map. The home page shows plain pins; the scooper board clusters them and passes filters.
 * Live: a job that leaves the board (claimed, cancelled, expired) is removed at once from the cached result; a
 * new or reopened job in view triggers a refetch, so the server applies the filters, sort and cap.
 */
export function JobMapInner({ filters, clustered = false, onResult }: { filters?: BoardFilters; clustered?: boolean; onResult?: (r: BoardResult) => void }) {
  const [bounds, setBounds] = useState<Bounds>({ south: 40.5, west: -74.1, north: 40.95, east: -73.7 });
  const utils = api.useUtils();
  const input = { bounds, ...filters };
  const jobs = api.jobs.openInViewport.useQuery(input, { placeholderData: (prev) => prev });

  const queryClient = useQueryClient();
  api.jobs.onBoardChange.useSubscription(
    { bounds },
    {
      // Anything that changed between the page's fetch and the subscription's start is picked up by refetching.
      onStarted: () => void utils.jobs.openInViewport.invalidate(),
      onData: ({ data: event }) => {
        if (event.type === "job.closed") {
          // Every cached board result (any viewport or filter) drops the pin at once.
          queryClient.setQueriesData<BoardResult>({ queryKey: getQueryKey(api.jobs.openInViewport) }, (current) =>
            current ? { ...current, jobs: current.jobs.filter((j) => j.id !== event.jobId) } : current,
          );
        } else {
          void utils.jobs.openInViewport.invalidate();
        }
      },
    },
  );
  const tileUrl = env.NEXT_PUBLIC_MAP_TILE_URL;
  useEffect(() => {
    if (jobs.data && onResult) onResult(jobs.data);
  }, [jobs.data, onResult]);

  const markers = jobs.data?.jobs.map((job) => (
    <Marker key={job.id} position={[job.lat, job.lng]} icon={pinIcon(job.type, job.priceCents)} title={`${TYPE_LABEL[job.type]}, ${formatCents(job.priceCents)}`} alt={`${TYPE_LABEL[job.type]}, ${formatCents(job.priceCents)}`}>
      <Popup>
        <div className="space-y-1">
          <div className="font-semibold">{formatCents(job.priceCents)} · {TYPE_LABEL[job.type]}</div>
          <div className="text-xs text-slate-600">{job.address}</div>
          <div className="text-xs">Take-home {formatCents(job.takeHomeCents)}</div>
          <Link href={`/jobs/${job.id}`} className="text-xs font-semibold text-brand-700 underline">
            Open job
          </Link>
        </div>
      </Popup>
    </Marker>
  ));

  return (
    <div className="relative h-full w-full" data-testid="job-map">
      <MapContainer center={NEW_YORK} zoom={11} className="h-full w-full" scrollWheelZoom>
        {tileUrl !== "none" && (
          <TileLayer url={tileUrl} attribution={env.NEXT_PUBLIC_MAP_ATTRIBUTION} errorTileUrl={BLANK_TILE} />
        )}
        <ViewportWatcher onChange={setBounds} />
        {clustered ? <MarkerClusterGroup chunkedLoading>{markers}</MarkerClusterGroup> : markers}
      </MapContainer>
      <div className="pointer-events-none absolute left-14 top-3 z-[1000] flex flex-wrap items-center gap-2">
        <span className="rounded-full bg-white/90 px-3 py-1 text-sm shadow" data-testid="open-count">
          {jobs.isLoading
            ? "Loading jobs…"
            : `${jobs.data?.jobs.length ?? 0}${jobs.data?.truncated ? "+" : ""} open jobs here${jobs.data?.truncated ? " (zoom in for more)" : ""}`}
        </span>
        <LiveIndicator />
      </div>
      <MapLegend />
    </div>
  );
}

/** What the pin colours mean (the same colours as the .scoop-pin--TYPE rules in globals.css). */
function MapLegend() {
  return (
    <ul
      aria-label="Map legend"
      className="pointer-events-none absolute bottom-6 left-2 z-[1000] space-y-0.5 rounded-lg bg-white/95 px-2.5 py-1.5 text-xs text-slate-800 shadow"
      data-testid="map-legend"
    >
      {(Object.keys(TYPE_LABEL) as (keyof typeof TYPE_LABEL)[]).map((type) => (
        <li key={type} className="flex items-center gap-1.5">
          <span aria-hidden className={`scoop-legend-dot scoop-pin--${type}`} />
          {TYPE_LABEL[type]}
        </li>
      ))}
      <li className="text-slate-600">Price = what the customer pays</li>
    </ul>
  );
}
