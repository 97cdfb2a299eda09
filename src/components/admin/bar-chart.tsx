import { useTranslations } from "next-intl";

/**
 * A dependency-free SVG bar chart: one bar per point, its label and count on hover. `labels="ends"` (days)
 * prints the first and last label under the axis; `labels="all"` (a histogram's buckets) prints each one.
 */
export function BarChart({ points, labels = "ends" }: { points: { label: string; count: number }[]; labels?: "ends" | "all" }) {
  const t = useTranslations("admin");
  const max = Math.max(1, ...points.map((p) => p.count));
  const width = 600;
  const height = 120;
  const bar = width / Math.max(1, points.length);
  return (
    <svg viewBox={`0 0 ${width} ${height + 16}`} className="h-40 w-full max-w-3xl" role="img" aria-label={t("chart.bar")}>
      {points.map((p, i) => {
        const h = (p.count / max) * height;
        return (
          <g key={p.label} data-testid="bar" data-label={p.label} data-count={p.count}>
            <title>{`${p.label}: ${p.count}`}</title>
            <rect x={i * bar + 1} y={height - h} width={bar - 2} height={h} className="fill-brand-500" />
            {labels === "all" && (
              <text x={i * bar + bar / 2} y={height + 14} textAnchor="middle" className="fill-slate-500 text-[10px]">{`${p.label} (${p.count})`}</text>
            )}
          </g>
        );
      })}
      <line x1={0} y1={height} x2={width} y2={height} className="stroke-slate-300" />
      {labels === "ends" && (
        <>
          <text x={0} y={height + 14} className="fill-slate-500 text-[10px]">{points[0]?.label}</text>
          <text x={width} y={height + 14} textAnchor="end" className="fill-slate-500 text-[10px]">{points.at(-1)?.label}</text>
        </>
      )}
    </svg>
  );
}
