import { formatServiceDate } from "./labels";

/** The next service dates as a list (tests read `data-date`). */
export function ServiceDates({ dates, empty = "No upcoming service dates." }: { dates: readonly string[]; empty?: string }) {
  if (dates.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ol className="space-y-1 text-sm" data-testid="next-dates">
      {dates.map((d) => (
        <li key={d} data-date={d} className="rounded bg-slate-50 px-2 py-1">
          {formatServiceDate(d)}
        </li>
      ))}
    </ol>
  );
}
