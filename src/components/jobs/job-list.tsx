"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useDeferredValue, useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import type { BoardFilters, Viewport } from "@/components/map/job-map-inner";
import { distanceMeters } from "@/lib/distance";
import { formatCents } from "@/lib/money";
import { api } from "@/trpc/react";
import { distanceWords } from "./labels";

const PAGE = 50;

/**
 * The board as a list: the jobs in the map's viewport with the same filters and sort, each a link to its page
 * (the keyboard and screen-reader path to a job). Shows a page at a time; "Show more" adds another.
 */
export function JobList({ viewport, filters, from }: { viewport: Viewport; filters: BoardFilters; from?: { lat: number; lng: number } }) {
  const t = useTranslations("jobs");
  const tb = useTranslations("board");
  const locale = useLocale() as Locale;
  const [limit, setLimit] = useState(PAGE);
  const { postedWithinMinutes, ...rest } = filters;
  const list = api.jobs.openInViewport.useQuery({ bounds: viewport.bounds, ...rest, postedWithinMinutes, limit }, { placeholderData: (prev) => prev });
  // The rows render from a deferred copy of the answer: the query's update is synchronous (useSyncExternalStore),
  // the rows' render is then time-sliced instead of one long task on a phone (issue 16's blocking time).
  const data = useDeferredValue(list.data);
  const jobs = data?.jobs ?? [];
  return (
    <section aria-labelledby="job-list-heading" className="flex flex-col gap-2">
      <h2 id="job-list-heading" className="text-sm font-semibold text-slate-700">
        {!data ? tb("loadingJobs") : tb(data.truncated ? "openJobsMore" : "openJobs", { count: jobs.length })}
      </h2>
      <ul className="divide-y" data-testid="board-list">
        {jobs.map((job) => (
          <li key={job.id}>
            <Link href={`/jobs/${job.id}`} prefetch={false} className="flex items-center justify-between gap-3 py-3">
              <span className="min-w-0">
                <span className="block truncate font-medium">{job.address}</span>
                <span className="block text-xs text-slate-600">
                  {t(`type.${job.type}`)}
                  {job.pileEstimate ? ` · ${t(`pile.${job.pileEstimate}`)}` : ""}
                  {from ? ` · ${distanceWords(t, distanceMeters(from, job))}` : ""}
                </span>
              </span>
              <span className="shrink-0 text-right">
                <span className="block font-semibold">{formatCents(job.priceCents, locale)}</span>
                <span className="text-xs text-slate-600">{tb("takeHome", { amount: formatCents(job.takeHomeCents, locale) })}</span>
              </span>
            </Link>
          </li>
        ))}
        {data && jobs.length === 0 && <li className="py-3 text-sm text-slate-600">{tb("noJobs")}</li>}
      </ul>
      {data?.truncated && limit < 500 && (
        <button type="button" className="self-start rounded-lg border border-slate-300 px-3 py-2 text-sm font-medium" onClick={() => setLimit((l) => Math.min(500, l + PAGE))}>
          {tb("showMore")}
        </button>
      )}
      {data?.truncated && limit >= 500 && <p className="text-xs text-amber-700">{tb("tooMany")}</p>}
    </section>
  );
}
