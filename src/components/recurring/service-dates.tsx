import type { Locale } from "@/lib/i18n/locales";
import { formatServiceDate } from "./labels";

/** The next service dates as a list in the viewer's language (tests read `data-date`); `empty` says why none. */
export function ServiceDates({ dates, empty, locale }: { dates: readonly string[]; empty: string; locale: Locale }) {
  if (dates.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ol className="space-y-1 text-sm" data-testid="next-dates">
      {dates.map((d) => (
        <li key={d} data-date={d} className="rounded bg-slate-50 px-2 py-1">
          {formatServiceDate(d, locale)}
        </li>
      ))}
    </ol>
  );
}
