"use client";
/** Leaflet touches `window` when imported, so the maps render in the browser only. */
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";

function Loading() {
  const t = useTranslations("board");
  return <div className="flex h-full items-center justify-center text-slate-500">{t("loadingMap")}</div>;
}
const loading = () => <Loading />;

export const JobMap = dynamic(() => import("./job-map-inner").then((m) => m.JobMapInner), { ssr: false, loading });
export const PinPicker = dynamic(() => import("./pin-picker-inner").then((m) => m.PinPickerInner), { ssr: false, loading });
export const AreaPicker = dynamic(() => import("./area-picker-inner").then((m) => m.AreaPickerInner), { ssr: false, loading });
