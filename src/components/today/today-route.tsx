"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { devicePositionOnce } from "@/components/jobs/device-position";
import { formatDateTime, formatRelative } from "@/lib/format-date";
import { api } from "@/trpc/react";

type Position = { lat: number; lng: number };
const km = (m: number) => (m < 1000 ? `${m} m` : `${(m / 1000).toFixed(1)} km`);

/**
 * The scooper's active jobs in driving order from where they are (asked once, never stored), each with its
 * deadline and a link that opens the stop in the phone's maps app. Without a position: deadline order.
 */
export function TodayRoute() {
  const t = useTranslations("today");
  const tj = useTranslations("jobs");
  const locale = useLocale() as Locale;
  const now = new Date();
  const [position, setPosition] = useState<Position | null | undefined>(undefined);
  useEffect(() => {
    void devicePositionOnce().then(setPosition);
  }, []);
  const route = api.today.route.useQuery({ position }, { enabled: position !== undefined });
  const approval = api.adminScoopers.mine.useQuery();
  const awaiting = approval.data?.required && !approval.data.approved && (
    <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="awaiting-approval">
      {t("awaitingApproval")}
    </p>
  );

  if (position === undefined || route.isLoading) return <p className="text-slate-600">{t("finding")}</p>;
  if (route.error) return <p className="text-red-700">{route.error.message}</p>;
  const { stops, ordered, totalMeters } = route.data!;
  if (stops.length === 0) {
    return (
      <div className="space-y-3">
        {awaiting}
        <p className="text-slate-600">
          {t.rich("noJobs", { link: (c) => <Link href="/board" className="font-medium text-brand-700 underline">{c}</Link> })}
        </p>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700" data-testid="route-summary">
        {ordered === "route"
          ? t("summary", { count: stops.length, distance: km(totalMeters ?? 0) })
          : t("noPosition")}
      </p>
      {ordered === "deadline" && (
        <button type="button" className="rounded-lg border px-3 py-2 text-sm font-semibold" onClick={() => void devicePositionOnce().then(setPosition)}>
          {t("usePosition")}
        </button>
      )}
      <ol className="space-y-2" data-testid="today-stops">
        {stops.map((s, i) => (
          <li key={s.jobId} className="flex items-start gap-3 rounded-lg border p-3" data-testid="today-stop">
            <span className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-brand-700 text-sm font-bold text-white" aria-hidden>{i + 1}</span>
            <span className="min-w-0 flex-1 space-y-0.5">
              <Link href={`/jobs/${s.jobId}`} className="block font-medium text-brand-700 underline">{s.address}</Link>
              <span className="block text-xs text-slate-600">
                {tj(`status.${s.status}`)}
                {s.legMeters !== null && ` · ${t(i === 0 ? "fromYou" : "fromLast", { distance: km(s.legMeters) })}`}
              </span>
              {s.deadline && (
                <span className="block text-sm">
                  {s.deadline.kind === "start" ? t("startBy") : t("answersBy")}{" "}
                  <time dateTime={s.deadline.at.toISOString()} className="font-semibold">{formatDateTime(s.deadline.at, { locale })}</time>{" "}
                  <span className="text-slate-600">({formatRelative(s.deadline.at, now, { locale })})</span>
                </span>
              )}
            </span>
            <a href={s.mapsUrl} target="_blank" rel="noreferrer" className="shrink-0 rounded-lg border px-3 py-2 text-sm font-semibold">
              {t("openInMaps")}<span className="sr-only">{t("forAddress", { address: s.address })}</span>
            </a>
          </li>
        ))}
      </ol>
    </div>
  );
}
