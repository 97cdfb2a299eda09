"use client";
import L from "leaflet";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { MapContainer, Marker, Popup, TileLayer, useMap } from "react-leaflet";
import { MAP_ATTRIBUTION, MAP_TILE_URL } from "./map-settings";
import { useBoardLive } from "./use-board-live";
import { serviceAreaViewport, type ServiceArea } from "@/lib/service-area";
import type { Bounds } from "@/lib/geo";
import { INTL_LOCALE, type Locale } from "@/lib/i18n/locales";
import { formatCents } from "@/lib/money";
import { TYPE_LABEL } from "@/components/jobs/labels";
import { LiveIndicator } from "@/components/layout/live-indicator";
import { api, TRPCReactProvider, type RouterInputs, type RouterOutputs } from "@/trpc/react";

const NEW_YORK: [number, number] = [40.7128, -73.95];
// A 1×1 transparent GIF: when tiles cannot load (offline, blocked) Leaflet shows blank squares, not broken images.
const BLANK_TILE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

export type BoardFilters = Omit<RouterInputs["jobs"]["board"], "bounds" | "zoom">;
export type BoardResult = RouterOutputs["jobs"]["openInViewport"];
type BoardView = RouterOutputs["jobs"]["board"];
type Cluster = Extract<BoardView, { kind: "clusters" }>["clusters"][number];
export type Viewport = { bounds: Bounds; zoom: number };
const INITIAL_VIEWPORT: Viewport = { bounds: { south: 40.5, west: -74.1, north: 40.95, east: -73.7 }, zoom: 11 };

// Icons depend only on type, price and language, so pins share them.
const iconCache = new Map<string, L.DivIcon>();
function pinIcon(type: string, priceCents: number, locale: Locale): L.DivIcon {
  const key = `${type}-${priceCents}-${locale}`;
  let icon = iconCache.get(key);
  if (!icon) {
    icon = L.divIcon({
      className: `scoop-pin scoop-pin--${type}`,
      html: `<span class="scoop-pin__badge">${formatCents(priceCents, locale)}</span>`,
      iconSize: [0, 0],
    });
    iconCache.set(key, icon);
  }
  return icon;
}

/** A group's bubble: the number of jobs and their price range; its size grows with the count. */
function clusterIcon(c: Cluster, locale: Locale): L.DivIcon {
  const size = c.count < 10 ? 36 : c.count < 100 ? 44 : c.count < 1000 ? 52 : 60;
  const prices = c.minPriceCents === c.maxPriceCents ? formatCents(c.minPriceCents, locale) : `$${Math.floor(c.minPriceCents / 100)}–$${Math.ceil(c.maxPriceCents / 100)}`;
  return L.divIcon({
    className: "scoop-cluster",
    html: `<span class="scoop-cluster__count" style="width:${size}px;height:${size}px">${c.count.toLocaleString(INTL_LOCALE[locale])}</span><span class="scoop-cluster__prices">${prices}</span>`,
    iconSize: [0, 0],
  });
}

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

/** Clicking (or pressing Enter on) a group zooms the map to it. */
function ClusterMarker({ cluster }: { cluster: Cluster }) {
  const map = useMap();
  const t = useTranslations("board");
  const locale = useLocale() as Locale;
  const b = cluster.bounds;
  const label = t("jobMap.clusterLabel", { count: cluster.count, min: formatCents(cluster.minPriceCents, locale), max: formatCents(cluster.maxPriceCents, locale) });
  return (
    <Marker
      position={[cluster.lat, cluster.lng]}
      icon={clusterIcon(cluster, locale)}
      title={label}
      alt={label}
      eventHandlers={{ click: () => map.flyToBounds([[b.south, b.west], [b.north, b.east]], { maxZoom: map.getZoom() + 3, duration: 0.4 }) }}
    />
  );
}

/**
 * The live board map. The server answers each viewport with pins when few jobs match, else clusters that count
 * every matching job (jobs.board); clicking a cluster zooms in. Live: board events update the cached answers in
 * place (use-board-live.ts).
 */
type JobMapProps = { filters?: BoardFilters; onViewport?: (v: Viewport) => void; serviceArea?: ServiceArea | null };

export function JobMapInner(props: JobMapProps) {
  // Its own provider: the landing page has no other tRPC on it (the client's one cache and socket are shared).
  return (
    <TRPCReactProvider>
      <JobMapView {...props} />
    </TRPCReactProvider>
  );
}

function JobMapView({ filters, onViewport, serviceArea }: JobMapProps) {
  const t = useTranslations("board");
  const locale = useLocale() as Locale;
  // A scooper's board opens on their service area (their onboarding profile); everyone else's on the default view.
  const [initial] = useState<Viewport>(() => (serviceArea ? serviceAreaViewport(serviceArea) : INITIAL_VIEWPORT));
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

  const data = view.data;
  const markers =
    data?.kind === "clusters"
      ? data.clusters.map((c) => <ClusterMarker key={`${c.bounds.south},${c.bounds.west}`} cluster={c} />)
      : data?.jobs.map((job) => {
          const pinLabel = t("jobMap.pinLabel", { type: t(`jobMap.type.${job.type}`), price: formatCents(job.priceCents, locale) });
          return (
            <Marker key={job.id} position={[job.lat, job.lng]} icon={pinIcon(job.type, job.priceCents, locale)} title={pinLabel} alt={pinLabel}>
              <Popup>
                <div className="space-y-1">
                  <div className="font-semibold">{formatCents(job.priceCents, locale)} · {t(`jobMap.type.${job.type}`)}</div>
                  <div className="text-xs text-slate-600">{job.address}</div>
                  <div className="text-xs">{t("jobMap.takeHome", { amount: formatCents(job.takeHomeCents, locale) })}</div>
                  <Link href={`/jobs/${job.id}`} className="text-xs font-semibold text-brand-700 underline">
                    {t("jobMap.openJob")}
                  </Link>
                </div>
              </Popup>
            </Marker>
          );
        });

  return (
    <div className="relative h-full w-full" data-testid="job-map" data-view={data?.kind}>
      <MapContainer center={serviceArea ? [serviceArea.lat, serviceArea.lng] : NEW_YORK} zoom={initial.zoom} className="h-full w-full" scrollWheelZoom>
        {tileUrl !== "none" && (
          <TileLayer url={tileUrl} attribution={MAP_ATTRIBUTION} errorTileUrl={BLANK_TILE} />
        )}
        <ViewportWatcher onChange={changeViewport} />
        {markers}
      </MapContainer>
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
