"use client";
/** Leaflet touches `window` when imported, so the maps render in the browser only. */
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type ComponentProps } from "react";
import { firstBoardView } from "@/lib/service-area";
import { MapPreview } from "./map-preview";

function Loading() {
  const t = useTranslations("board");
  return <div className="flex h-full items-center justify-center text-slate-500">{t("loadingMap")}</div>;
}
const loading = () => <Loading />;

export const JobMap = dynamic(() => import("./job-map-inner").then((m) => m.JobMapInner), { ssr: false, loading });
export const PinPicker = dynamic(() => import("./pin-picker-inner").then((m) => m.PinPickerInner), { ssr: false, loading });
export const AreaPicker = dynamic(() => import("./area-picker-inner").then((m) => m.AreaPickerInner), { ssr: false, loading });

/**
 * The board's live map over a preview of its first view that the server drew (map-preview.tsx): the page shows a map
 * before the map's script arrives, and the preview goes once Leaflet's own tiles have loaded over it.
 */
export function BoardMap(props: Omit<ComponentProps<typeof JobMap>, "overPreview" | "onTilesLoaded">) {
  const [previewShown, setPreviewShown] = useState(true);
  const [first] = useState(() => firstBoardView(props.serviceArea));
  const hidePreview = useCallback(() => setPreviewShown(false), []);
  return (
    <div className="relative h-full w-full bg-[#ddd]">
      {/* Hidden, not removed: removing its images was a long task of its own on a phone (issue 16). */}
      <MapPreview center={first.center} zoom={first.viewport.zoom} hidden={!previewShown} />
      <div className="relative h-full w-full">
        <JobMap {...props} overPreview onTilesLoaded={hidePreview} />
      </div>
    </div>
  );
}

/**
 * The live map, loaded once its box comes near the screen (200 px ahead). The landing page's map sits
 * below the fold: Leaflet, the tRPC client and the map's first query wait until the visitor scrolls towards it, so
 * they do not compete with the first screen (issue 16's Lighthouse targets). A map already on screen (the
 * signed-in home page) loads at once. The box keeps its size meanwhile: nothing shifts when the map arrives.
 */
export function JobMapWhenNear(props: ComponentProps<typeof JobMap>) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || near) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: "200px 0px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);
  return (
    <div ref={box} className="h-full w-full">
      {near ? <JobMap {...props} /> : <Loading />}
    </div>
  );
}
