"use client";
/** Leaflet touches `window` when imported, so the map renders in the browser only. */
import dynamic from "next/dynamic";

export const JobMap = dynamic(() => import("./job-map-inner").then((m) => m.JobMapInner), {
  ssr: false,
  loading: () => <div className="flex h-full items-center justify-center text-slate-500">Loading map…</div>,
});
