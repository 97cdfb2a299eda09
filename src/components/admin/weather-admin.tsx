"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { fieldErrors, formError } from "@/components/accounts/errors";
import { AreaPicker } from "@/components/map/job-map";
import { Notice } from "@/components/ui/form";
import { formatDateTime } from "@/lib/format-date";
import type { Locale } from "@/lib/i18n/locales";
import { api } from "@/trpc/react";

type Mode = "postalCodes" | "box";
const input = "w-full rounded-lg border border-slate-300 px-3 py-2";

/**
 * Skip every recurring visit of a date inside an area (bad weather): ZIP codes, or a lat/lng box. Visits not yet
 * generated are skipped, that date's jobs already generated are cancelled with no fee, customers are told; audited.
 */
export function WeatherAdmin({ today }: { today: string }) {
  const t = useTranslations("admin");
  const locale = useLocale() as Locale;
  const utils = api.useUtils();
  const list = api.adminWeather.list.useQuery();
  const [date, setDate] = useState(today);
  const [reason, setReason] = useState("");
  const [mode, setMode] = useState<Mode>("postalCodes");
  const [codes, setCodes] = useState("");
  const [box, setBox] = useState({ south: "", west: "", north: "", east: "" });
  const skip = api.adminWeather.skip.useMutation({ onSuccess: () => void utils.adminWeather.list.invalidate() });
  const errors = fieldErrors(skip.error);
  const err = (...keys: string[]) => {
    const found = keys.map((k) => errors[k]?.[0]).find(Boolean);
    return found && <p className="text-xs text-red-700" role="alert">{found}</p>;
  };
  const area =
    mode === "postalCodes"
      ? { kind: "postalCodes" as const, postalCodes: codes.split(/[\s,]+/).filter(Boolean) }
      : { kind: "box" as const, south: Number(box.south), west: Number(box.west), north: Number(box.north), east: Number(box.east) };
  // The box drawn on the map once all four numbers are typed (or taken from the map).
  const typedBox = area.kind === "box" && Object.values(box).every((v) => v.trim() !== "" && Number.isFinite(Number(v))) ? area : null;
  return (
    <div className="space-y-6">
      <form
        className="max-w-xl space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          skip.mutate({ date, area, reason });
        }}
      >
        <label className="block space-y-1">
          <span className="text-sm font-medium">{t("weather.serviceDate")}</span>
          <input type="date" className={input} min={today} value={date} onChange={(e) => setDate(e.target.value)} />
          {err("date")}
        </label>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{t("weather.area")}</legend>
          <label className="mr-4 inline-flex items-center gap-2 text-sm">
            <input type="radio" name="mode" checked={mode === "postalCodes"} onChange={() => setMode("postalCodes")} /> {t("weather.zipMode")}
          </label>
          <label className="inline-flex items-center gap-2 text-sm">
            <input type="radio" name="mode" checked={mode === "box"} onChange={() => setMode("box")} /> {t("weather.boxMode")}
          </label>
          {mode === "postalCodes" ? (
            <label className="block space-y-1">
              <span className="text-sm">{t("weather.zipLabel")}</span>
              <textarea className={input} value={codes} onChange={(e) => setCodes(e.target.value)} />
              {err("area.postalCodes", "area.postalCodes.0", "area")}
            </label>
          ) : (
            <div className="grid grid-cols-2 gap-2">
              <div className="col-span-2">
                <AreaPicker
                  value={typedBox}
                  onChange={(b) => setBox({ south: String(b.south), west: String(b.west), north: String(b.north), east: String(b.east) })}
                />
              </div>
              {(["north", "south", "west", "east"] as const).map((side) => (
                <label key={side} className="block space-y-1">
                  <span className="text-sm capitalize">{t(`weather.side.${side}`)}</span>
                  <input className={input} inputMode="decimal" value={box[side]} onChange={(e) => setBox((b) => ({ ...b, [side]: e.target.value }))} />
                </label>
              ))}
              <div className="col-span-2">{err("area.north", "area.south", "area.west", "area.east", "area")}</div>
            </div>
          )}
        </fieldset>
        <label className="block space-y-1">
          <span className="text-sm font-medium">{t("weather.reason")}</span>
          <input className={input} value={reason} onChange={(e) => setReason(e.target.value)} />
          {err("reason")}
        </label>
        {skip.error && !Object.keys(errors).length && <Notice tone="error">{formError(skip.error)}</Notice>}
        {skip.data && (
          <Notice tone="success">
            {t("weather.skipped", { visits: skip.data.skippedRecurringIds.length, jobs: skip.data.cancelledJobIds.length })}
          </Notice>
        )}
        <button type="submit" disabled={skip.isPending} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white disabled:opacity-60">
          {t("weather.submit")}
        </button>
      </form>
      <section>
        <h2 className="mb-2 font-semibold">{t("weather.recent")}</h2>
        {list.data?.length === 0 && <p className="text-slate-600">{t("noneYet")}</p>}
        <ul className="divide-y text-sm" data-testid="weather-skips">
          {list.data?.map((w) => (
            <li key={w.id} className="py-2">
              {t.rich("weather.row", {
                date: w.date,
                reason: w.reason,
                area: w.area.kind === "box" ? t("weather.box") : w.area.postalCodes.join(", "),
                visits: w.subscriptions,
                jobs: w.cancelledJobs,
                when: formatDateTime(w.createdAt, { locale }),
                b: (chunks) => <b>{chunks}</b>,
              })}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
