"use client";
import L from "leaflet";
import { useTranslations } from "next-intl";
import { useCallback, useDeferredValue, useEffect, useState, type ReactNode } from "react";
import { TileLayer, useMap } from "react-leaflet";
import { BoardMarkers } from "./board-markers";
import { LaidOutMapContainer } from "./laid-out-map-container";
import { MAP_ATTRIBUTION, MAP_TILE_URL } from "./map-settings";
import { useBoardLive } from "./use-board-live";
import { firstBoardView, type ServiceArea } from "@/lib/service-area";
import type { Bounds } from "@/lib/geo";
import { TYPE_LABEL } from "@/components/jobs/labels";
import { LiveIndicator } from "@/components/layout/live-indicator";
import { api, TRPCReactProvider, type RouterInputs, type RouterOutputs } from "@/trpc/react";

// A 1×1 transparent GIF: when tiles cannot load (offline, blocked) Leaflet shows blank squares, not broken images.
const BLANK_TILE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

export type BoardFilters = Omit<RouterInputs["jobs"]["board"], "bounds" | "zoom">;
export type BoardResult = RouterOutputs["jobs"]["openInViewport"];
export type Viewport = { bounds: Bounds; zoom: number };

function toViewport(map: L.Map): Viewport {
  const b = map.getBounds();
  return { bounds: { south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast() }, zoom: map.getZoom() };
}

function ViewportWatcher({ onChange }: { onChange: (v: Viewport) => void }) {
  const map = useMap();
  useEffect(() => {
    // A hidden map (the board's list view) has no size: its "viewport" is a point, so it reports nothing.
    const report = () => {
      const size = map.getSize();
      if (size.x > 0 && size.y > 0) onChange(toViewport(map));
    };
    // The first viewport is the map's real size, not the guess the first query used.
    report();
    map.on("moveend", report);
    // Leaflet only notices window resizes: shown again after the list view, or resized by the layout, it re-measures.
    const observer = new ResizeObserver(() => map.invalidateSize());
    observer.observe(map.getContainer());
    return () => {
      map.off("moveend", report);
      observer.disconnect();
    };
  }, [map, onChange]);
  return null;
}

/**
 * The live board map. The server answers each viewport with pins when few jobs match, else clusters that count
 * every matching job (jobs.board); clicking a cluster zooms in. Live: board events update the cached answers in
 * place (use-board-live.ts).
 */
type JobMapProps = {
  filters?: BoardFilters;
  onViewport?: (v: Viewport) => void;
  serviceArea?: ServiceArea | null;
  /** Over a preview of its first view (map-preview.tsx): the map stays see-through and says when its tiles are in. */
  overPreview?: boolean;
  onTilesLoaded?: () => void;
};

export function JobMapInner(props: JobMapProps) {
  // Its own provider: the landing page has no other tRPC on it (the client's one cache and socket are shared).
  return (
    <TRPCReactProvider>
      <JobMapView {...props} />
    </TRPCReactProvider>
  );
}

function JobMapView({ filters, onViewport, serviceArea, overPreview, onTilesLoaded }: JobMapProps) {
  const t = useTranslations("board");
  // A scooper's board opens on their service area (their onboarding profile); everyone else's on the city.
  const [first] = useState(() => firstBoardView(serviceArea));
  const initial: Viewport = first.viewport;
  // The map's real viewport, once Leaflet has measured it (its first effect): asking with the initial guess first
  // fetched and drew every pin twice on each load, the guess's answer then the real one's.
  const [measured, setMeasured] = useState<Viewport | null>(null);
  const viewport = measured ?? initial;
  const view = api.jobs.board.useQuery({ ...viewport, ...filters }, { placeholderData: (prev) => prev, enabled: measured !== null });
  useBoardLive(viewport.bounds);
  const tileUrl = MAP_TILE_URL;
  const changeViewport = useCallback(
    (v: Viewport) => {
      setMeasured(v);
      onViewport?.(v);
    },
    [onViewport],
  );

  // Pins and counts follow a deferred copy of the answer, so drawing them is not part of the query's synchronous
  // update (as the list's rows, job-list.tsx).
  const data = useDeferredValue(view.data);
  return (
    <div className="relative h-full w-full" data-testid="job-map" data-view={data?.kind} data-zoom={measured?.zoom}>
      {/* Leaflet starts on the laid-out box a frame after this commit; its tile layer a task after the map. */}
      <LaidOutMapContainer
        center={[first.center.lat, first.center.lng]}
        zoom={initial.zoom}
        className="h-full w-full"
        style={overPreview ? { background: "transparent" } : undefined}
        scrollWheelZoom
      >
        {tileUrl !== "none" && (
          <InNextTask>
            <TileLayer url={tileUrl} attribution={MAP_ATTRIBUTION} errorTileUrl={BLANK_TILE} eventHandlers={onTilesLoaded ? { load: onTilesLoaded } : undefined} />
          </InNextTask>
        )}
        <ViewportWatcher onChange={changeViewport} />
        <BoardMarkers view={data} />
      </LaidOutMapContainer>
      <div className="pointer-events-none absolute left-14 top-3 z-[1000] flex flex-wrap items-center gap-2">
        <span className="rounded-full bg-white/90 px-3 py-1 text-sm shadow" data-testid="open-count" aria-live="polite">
          {!data
            ? t("loadingJobs")
            : data.kind === "clusters"
              ? t("jobMap.clusters", { count: data.total })
              : t(data.truncated ? "jobMap.pinsTruncated" : "jobMap.pins", { count: data.jobs.length })}
        </span>
        <LiveIndicator />
      </div>
      <MapLegend />
    </div>
  );
}

/** Renders its children one task after it first mounts. */
function InNextTask({ children }: { children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return shown ? children : null;
}

/** What the pin colours mean (the same colours as the .scoop-pin--TYPE rules in globals.css). */
function MapLegend() {
  const t = useTranslations("board");
  return (
    <ul
      aria-label={t("jobMap.legend")}
      className="pointer-events-none absolute bottom-6 left-2 z-[1000] space-y-0.5 rounded-lg bg-white/95 px-2.5 py-1.5 text-xs text-slate-800 shadow"
      data-testid="map-legend"
    >
      {(Object.keys(TYPE_LABEL) as (keyof typeof TYPE_LABEL)[]).map((type) => (
        <li key={type} className="flex items-center gap-1.5">
          <span aria-hidden className={`scoop-legend-dot scoop-pin--${type}`} />
          {t(`jobMap.type.${type}`)}
        </li>
      ))}
      <li className="text-slate-600">{t("jobMap.priceMeaning")}</li>
    </ul>
  );
}
