"use client";
import Link from "next/link";
import { useCallback, useState } from "react";
import { JobMap } from "@/components/map/job-map";
import type { BoardFilters, BoardResult } from "@/components/map/job-map-inner";
import { formatCents } from "@/lib/money";
import { PILE_LABEL, TYPE_LABEL } from "./labels";

type Sort = "newest" | "price" | "distance";

/** The scooper board: a clustered full-screen map with filters, and the same jobs as a list below (beside, on wide screens). */
export function Board() {
  const [type, setType] = useState<"" | keyof typeof TYPE_LABEL>("");
  const [pile, setPile] = useState<"" | keyof typeof PILE_LABEL>("");
  const [minPrice, setMinPrice] = useState("");
  const [lastHour, setLastHour] = useState(false);
  const [sort, setSort] = useState<Sort>("newest");
  const [from, setFrom] = useState<{ lat: number; lng: number } | undefined>();
  const [result, setResult] = useState<BoardResult | null>(null);
  const onResult = useCallback((r: BoardResult) => setResult(r), []);

  const filters: BoardFilters = {
    types: type ? [type] : undefined,
    pileEstimates: pile ? [pile] : undefined,
    minPriceCents: minPrice ? Math.round(Number(minPrice) * 100) : undefined,
    postedWithinMinutes: lastHour ? 60 : undefined,
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
  return (
    <div className="flex flex-1 flex-col lg:flex-row">
      <section className="relative h-[60dvh] lg:h-[calc(100dvh-57px)] lg:flex-1">
        <JobMap filters={filters} clustered onResult={onResult} />
      </section>
      <aside className="flex flex-col gap-3 border-t p-3 lg:h-[calc(100dvh-57px)] lg:w-96 lg:overflow-y-auto lg:border-l lg:border-t-0">
        <div className="grid grid-cols-2 gap-2">
          <select aria-label="Type" className={select} value={type} onChange={(e) => setType(e.target.value as typeof type)}>
            <option value="">Any type</option>
            {Object.entries(TYPE_LABEL).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
          <select aria-label="Piles" className={select} value={pile} onChange={(e) => setPile(e.target.value as typeof pile)}>
            <option value="">Any pile count</option>
            {Object.entries(PILE_LABEL).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
          <input aria-label="Minimum price in dollars" className={select} inputMode="decimal" placeholder="Min $" value={minPrice} onChange={(e) => setMinPrice(e.target.value.replace(/[^0-9.]/g, ""))} />
          <select aria-label="Sort" className={select} value={sort} onChange={(e) => chooseSort(e.target.value as Sort)}>
            <option value="newest">Newest</option>
            <option value="price">Highest price</option>
            <option value="distance">Nearest</option>
          </select>
          <label className="col-span-2 flex items-center gap-2 text-sm">
            <input type="checkbox" checked={lastHour} onChange={(e) => setLastHour(e.target.checked)} /> Posted in the last hour
          </label>
        </div>
        {result?.truncated && <p className="text-xs text-amber-700">More jobs match than fit on the map: zoom in or filter.</p>}
        <ul className="divide-y" data-testid="board-list">
          {result?.jobs.map((job) => (
            <li key={job.id}>
              <Link href={`/jobs/${job.id}`} className="flex items-center justify-between gap-2 py-3">
                <span className="min-w-0">
                  <span className="block truncate font-medium">{job.address}</span>
                  <span className="text-xs text-slate-600">
                    {TYPE_LABEL[job.type]}
                    {job.pileEstimate ? ` · ${PILE_LABEL[job.pileEstimate]}` : ""}
                  </span>
                </span>
                <span className="text-right">
                  <span className="block font-semibold">{formatCents(job.priceCents)}</span>
                  <span className="text-xs text-slate-600">take-home {formatCents(job.takeHomeCents)}</span>
                </span>
              </Link>
            </li>
          ))}
          {result && result.jobs.length === 0 && <li className="py-3 text-sm text-slate-600">No open jobs here. Move the map or relax the filters.</li>}
        </ul>
      </aside>
    </div>
  );
}
