"use client";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { BoardMap } from "@/components/map/job-map";
import type { BoardFilters, Viewport } from "@/components/map/job-map-inner";
import { OnboardingLink } from "@/components/scooper/onboarding-link";
import { BOARD_MIN_PRICE_CHOICES_CENTS } from "@/lib/board-limits";
import type { Locale } from "@/lib/i18n/locales";
import { formatCents } from "@/lib/money";
import type { ServiceArea } from "@/lib/service-area";
import { JobList } from "./job-list";
import { PILE_LABEL, TYPE_LABEL } from "./labels";

type Sort = "newest" | "price" | "distance";

/**
 * The scooper board: the live map (server clusters when zoomed out) with filters, and the same jobs as a list
 * below it (beside it on wide screens). "List" swaps the map for the list: the keyboard and small-screen way to
 * browse jobs; the list keeps the map's last viewport.
 */
export function Board({ serviceArea, onboardingMissing }: { serviceArea?: ServiceArea | null; onboardingMissing?: boolean }) {
  const t = useTranslations("board");
  const tj = useTranslations("jobs");
  const locale = useLocale() as Locale;
  const [type, setType] = useState<"" | keyof typeof TYPE_LABEL>("");
  const [pile, setPile] = useState<"" | keyof typeof PILE_LABEL>("");
  const [minPrice, setMinPrice] = useState("");
  const [lastHour, setLastHour] = useState(false);
  const [sort, setSort] = useState<Sort>("newest");
  const [from, setFrom] = useState<{ lat: number; lng: number } | undefined>();
  const [view, setView] = useState<"map" | "list">("map");
  const [viewport, setViewport] = useState<Viewport | null>(null);
  const onViewport = useCallback((v: Viewport) => setViewport(v), []);

  const filters: BoardFilters = {
    types: type ? [type] : undefined,
    pileEstimates: pile ? [pile] : undefined,
    minPriceCents: minPrice ? Number(minPrice) : undefined,
    postedWithinMinutes: lastHour ? (60 as const) : undefined,
    sort,
    from: sort === "distance" ? from : undefined,
  };

  function chooseSort(next: Sort) {
    setSort(next);
    if (next === "distance" && !from && "geolocation" in navigator) {
      navigator.geolocation.getCurrentPosition((p) => setFrom({ lat: p.coords.latitude, lng: p.coords.longitude }), () => undefined);
    }
  }

  const select = "rounded-lg border border-slate-300 bg-white px-2 py-2 text-sm";
  const toggle = (active: boolean) =>
    `flex-1 rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-white text-slate-900 shadow" : "text-slate-700"}`;
  return (
    <div className="flex flex-1 flex-col lg:flex-row">
      <div role="group" aria-label={t("showAs")} className="flex gap-1 border-b bg-slate-100 p-1 lg:hidden">
        <button type="button" aria-pressed={view === "map"} className={toggle(view === "map")} onClick={() => setView("map")}>{t("map")}</button>
        <button type="button" aria-pressed={view === "list"} className={toggle(view === "list")} onClick={() => setView("list")}>{t("list")}</button>
      </div>
      <section aria-label={t("mapLabel")} className={`relative h-[60dvh] lg:block lg:h-[calc(100dvh-57px)] lg:flex-1 ${view === "list" ? "hidden" : ""}`}>
        <BoardMap filters={filters} onViewport={onViewport} serviceArea={serviceArea} />
      </section>
      <aside className="flex flex-col gap-3 border-t p-3 lg:h-[calc(100dvh-57px)] lg:w-96 lg:overflow-y-auto lg:border-l lg:border-t-0">
        {onboardingMissing && <OnboardingLink />}
        <div className="grid grid-cols-2 gap-2">
          <select aria-label={t("type")} className={select} value={type} onChange={(e) => setType(e.target.value as typeof type)}>
            <option value="">{t("anyType")}</option>
            {Object.keys(TYPE_LABEL).map((v) => <option key={v} value={v}>{tj(`type.${v}`)}</option>)}
          </select>
          <select aria-label={t("piles")} className={select} value={pile} onChange={(e) => setPile(e.target.value as typeof pile)}>
            <option value="">{t("anyPiles")}</option>
            {Object.keys(PILE_LABEL).map((v) => <option key={v} value={v}>{tj(`pile.${v}`)}</option>)}
          </select>
          <select aria-label={t("minPrice")} className={select} value={minPrice} onChange={(e) => setMinPrice(e.target.value)}>
            <option value="">{t("anyPrice")}</option>
            {BOARD_MIN_PRICE_CHOICES_CENTS.map((cents) => <option key={cents} value={String(cents)}>{t("priceFrom", { amount: formatCents(cents, locale) })}</option>)}
          </select>
          <select aria-label={t("sort")} className={select} value={sort} onChange={(e) => chooseSort(e.target.value as Sort)}>
            <option value="newest">{t("newest")}</option>
            <option value="price">{t("highestPrice")}</option>
            <option value="distance">{t("nearest")}</option>
          </select>
          <label className="col-span-2 flex items-center gap-2 text-sm">
            <input type="checkbox" checked={lastHour} onChange={(e) => setLastHour(e.target.checked)} /> {t("lastHour")}
          </label>
        </div>
        {viewport && <JobList viewport={viewport} filters={filters} from={from} />}
      </aside>
    </div>
  );
}
