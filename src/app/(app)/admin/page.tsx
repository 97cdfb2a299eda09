import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/server/auth/require";
import { adminDashboard, DAILY_SERIES } from "@/server/admin/dashboard";
import { BarChart } from "@/components/admin/bar-chart";
import { LineChart } from "@/components/admin/line-chart";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("meta.dashboard") };
}

export default async function AdminDashboardPage() {
  await requirePermission("admin.access", "/admin");
  const [t, tj] = await Promise.all([getTranslations("admin"), getTranslations("jobs")]);
  const d = await adminDashboard();
  // The key names the tile for tests (data-testid); the label is the reader's language.
  const tiles: [string, number][] = [
    ["open", d.jobsByState.OPEN ?? 0],
    ["claimed", (d.jobsByState.CLAIMED ?? 0) + (d.jobsByState.IN_PROGRESS ?? 0)],
    ["postedToday", d.postedToday],
    ["postedThisWeek", d.postedThisWeek],
    ["generatedToday", d.generatedToday],
    ["openDisputes", d.jobsByState.DISPUTED ?? 0],
    ["failedQueueJobs", d.failedQueueJobs],
    ["activeScoopers", d.activeScoopers],
  ];
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("dashboard.title")}</h1>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {tiles.map(([key, value]) => (
          <div key={key} className="rounded-lg border p-4" data-testid={`tile-${key}`}>
            <div className="text-2xl font-bold">{value}</div>
            <div className="text-xs text-slate-600">{t(`dashboard.tile.${key}`)}</div>
          </div>
        ))}
      </div>
      <section className="space-y-2" data-testid="chart-jobs-per-day">
        <h2 className="font-semibold">{t("dashboard.jobsPerDay")}</h2>
        <LineChart days={d.jobsPerDay} series={DAILY_SERIES} />
      </section>
      <section className="space-y-2" data-testid="chart-claim-time">
        <h2 className="font-semibold">{t("dashboard.claimTime")}</h2>
        <BarChart points={d.claimTime} labels="all" />
      </section>
      <section className="space-y-2" data-testid="chart-generated-per-day">
        <h2 className="font-semibold">{t("dashboard.generatedPerDay")}</h2>
        <BarChart points={d.generatedPerDay.map((p) => ({ label: p.date, count: p.count }))} />
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">{t("dashboard.jobsByState")}</h2>
        <table className="text-sm">
          <tbody>
            {Object.entries(d.jobsByState).map(([state, n]) => (
              <tr key={state}>
                <td className="pr-6">{tj.has(`status.${state}`) ? tj(`status.${state}`) : state}</td>
                <td className="text-right font-mono">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
