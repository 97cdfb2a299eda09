import { useTranslations } from "next-intl";

const COLORS = ["stroke-brand-600", "stroke-amber-500", "stroke-slate-400"];
const SWATCHES = ["bg-brand-600", "bg-amber-500", "bg-slate-400"];

/** A dependency-free SVG multi-series line chart over days, with a legend; each point's values on hover. A series' name
 * is read from the `admin` catalogue (`chart.series.<name>`) when it is there. */
export function LineChart<K extends string>({ days, series }: { days: ({ date: string } & Record<K, number>)[]; series: readonly K[] }) {
  const t = useTranslations("admin");
  const name = (s: K) => {
    const key: string = `chart.series.${s}`;
    return t.has(key) ? t(key) : s;
  };
  const width = 600;
  const height = 120;
  const max = Math.max(1, ...days.flatMap((d) => series.map((s) => d[s])));
  const x = (i: number) => (days.length < 2 ? 0 : (i / (days.length - 1)) * width);
  const y = (n: number) => height - (n / max) * height;
  return (
    <div className="space-y-1">
      <div className="flex gap-4 text-xs text-slate-600">
        {series.map((s, i) => (
          <span key={s} className="flex items-center gap-1">
            <span className={`inline-block h-2 w-3 ${SWATCHES[i % SWATCHES.length]}`} />
            {name(s)} ({days.reduce((sum, d) => sum + d[s], 0)})
          </span>
        ))}
      </div>
      <svg viewBox={`-4 -4 ${width + 8} ${height + 20}`} className="h-40 w-full max-w-3xl" role="img" aria-label={t("chart.line")}>
        <line x1={0} y1={height} x2={width} y2={height} className="stroke-slate-300" />
        {series.map((s, i) => (
          <polyline
            key={s}
            fill="none"
            strokeWidth={2}
            className={COLORS[i % COLORS.length]}
            points={days.map((d, j) => `${x(j)},${y(d[s])}`).join(" ")}
          />
        ))}
        {days.map((d, j) => (
          <rect key={d.date} x={x(j) - width / days.length / 2} y={0} width={width / days.length} height={height} fill="transparent">
            <title>{`${d.date}: ${series.map((s) => `${name(s)} ${d[s]}`).join(", ")}`}</title>
          </rect>
        ))}
        <text x={0} y={height + 14} className="fill-slate-500 text-[10px]">{days[0]?.date}</text>
        <text x={width} y={height + 14} textAnchor="end" className="fill-slate-500 text-[10px]">{days.at(-1)?.date}</text>
      </svg>
    </div>
  );
}
