"use client";
/**
 * The board map's pins and cluster bubbles, drawn straight onto one Leaflet layer instead of one react-leaflet
 * `<Marker>` (and `<Popup>`) component per pin: when the board query answers, React renders nothing per pin and
 * the markers are diffed by key (a pin or bubble whose words did not change stays as it is). A pin's popup is
 * built when it opens, not for every pin on every answer. Each marker is a focusable element with a title: Enter
 * opens a pin's popup (Leaflet's own), and Enter or Space zooms into a bubble (markersFor).
 */
import L from "leaflet";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { useMap } from "react-leaflet";
import { INTL_LOCALE, type Locale } from "@/lib/i18n/locales";
import { inSlices } from "@/lib/in-slices";
import { formatCents } from "@/lib/money";
import type { RouterOutputs } from "@/trpc/react";

type BoardView = RouterOutputs["jobs"]["board"];
type Cluster = Extract<BoardView, { kind: "clusters" }>["clusters"][number];
type Pin = Extract<BoardView, { kind: "pins" }>["jobs"][number];
type Translate = ReturnType<typeof useTranslations<"board">>;

/**
 * How long one slice of new markers may take before the rest wait for the next task. By time, not by count: the
 * first markers of a page cost several times the later ones (Leaflet's code is still being compiled).
 */
const SLICE_MS = 8;

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

function textBlock(className: string, text: string): HTMLDivElement {
  const el = document.createElement("div");
  el.className = className;
  el.textContent = text;
  return el;
}

/** A pin's popup: price and type, the area, the take-home pay and a link to the job (a client-side navigation). */
function pinPopup(job: Pin, t: Translate, locale: Locale, open: (href: string) => void): HTMLElement {
  const box = document.createElement("div");
  box.className = "space-y-1";
  box.append(
    textBlock("font-semibold", `${formatCents(job.priceCents, locale)} · ${t(`jobMap.type.${job.type}`)}`),
    textBlock("text-xs text-slate-600", job.address),
    textBlock("text-xs", t("jobMap.takeHome", { amount: formatCents(job.takeHomeCents, locale) })),
  );
  const link = document.createElement("a");
  link.href = `/jobs/${job.id}`;
  link.className = "text-xs font-semibold text-brand-700 underline";
  link.textContent = t("jobMap.openJob");
  link.addEventListener("click", (e) => {
    // A plain click stays in the app, as next/link does; a modified one (new tab, window) is the browser's.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    open(link.pathname);
  });
  const line = document.createElement("div");
  line.append(link);
  box.append(line);
  return box;
}

/** One marker for each pin or bubble of the board's answer, keyed by what it shows. */
function markersFor(view: BoardView, map: L.Map, t: Translate, locale: Locale, open: (href: string) => void): Map<string, () => L.Marker> {
  const markers = new Map<string, () => L.Marker>();
  if (view.kind === "clusters") {
    for (const c of view.clusters) {
      const b = c.bounds;
      markers.set(`c|${b.south},${b.west}|${c.lat},${c.lng}|${c.count}|${c.minPriceCents}|${c.maxPriceCents}`, () => {
        const label = t("jobMap.clusterLabel", { count: c.count, min: formatCents(c.minPriceCents, locale), max: formatCents(c.maxPriceCents, locale) });
        const zoomIn = () => map.flyToBounds([[b.south, b.west], [b.north, b.east]], { maxZoom: map.getZoom() + 3, duration: 0.4 });
        // Leaflet turns Enter into a click only for markers with a popup: a bubble answers Enter and Space itself,
        // as the button it is announced as.
        return L.marker([c.lat, c.lng], { icon: clusterIcon(c, locale), title: label, alt: label })
          .on("click", zoomIn)
          .on("keydown", (e) => {
            const key = (e as L.LeafletKeyboardEvent).originalEvent;
            if (key.key !== "Enter" && key.key !== " ") return;
            key.preventDefault();
            if (key.repeat) return;
            // The bubble is replaced by the next answer's: the focus goes to the map, where Tab finds the new ones.
            map.once("moveend", () => map.getContainer().focus({ preventScroll: true }));
            zoomIn();
          });
      });
    }
  } else {
    for (const job of view.jobs) {
      markers.set(`p|${job.id}|${job.lat},${job.lng}|${job.type}|${job.priceCents}|${job.takeHomeCents}|${job.address}`, () => {
        const label = t("jobMap.pinLabel", { type: t(`jobMap.type.${job.type}`), price: formatCents(job.priceCents, locale) });
        return L.marker([job.lat, job.lng], { icon: pinIcon(job.type, job.priceCents, locale), title: label, alt: label }).bindPopup(() =>
          pinPopup(job, t, locale, open),
        );
      });
    }
  }
  return markers;
}

export function BoardMarkers({ view }: { view: BoardView | undefined }) {
  const map = useMap();
  const t = useTranslations("board");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const layer = useRef<{ group: L.LayerGroup; shown: Map<string, L.Marker>; locale: Locale } | null>(null);

  useEffect(() => {
    const group = L.layerGroup().addTo(map);
    layer.current = { group, shown: new Map(), locale };
    return () => {
      group.remove();
      layer.current = null;
    };
  }, [map, locale]);

  useEffect(() => {
    const current = layer.current;
    if (!current) return;
    const wanted = view ? markersFor(view, map, t, locale, (href) => router.push(href)) : new Map<string, () => L.Marker>();
    for (const [key, marker] of current.shown) {
      if (!wanted.has(key)) {
        current.group.removeLayer(marker);
        current.shown.delete(key);
      }
    }
    // New markers go on in slices of at most SLICE_MS, a task each: all of an answer's pins at once were one long
    // task on a phone (issue 16's blocking time). A newer answer cancels what is left; its own diff starts from what
    // is on the map by then.
    const adding = [...wanted].filter(([key]) => !current.shown.has(key));
    return inSlices(
      adding,
      ([key, make]) => {
        const marker = make();
        current.group.addLayer(marker);
        current.shown.set(key, marker);
      },
      SLICE_MS,
    );
  }, [view, map, t, locale, router]);

  return null;
}
