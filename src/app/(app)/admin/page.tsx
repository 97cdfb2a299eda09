import type { Metadata } from "next";
import { requirePermission } from "@/server/auth/require";
import { adminDashboard, DAILY_SERIES } from "@/server/admin/dashboard";
import { BarChart } from "@/components/admin/bar-chart";
import { LineChart } from "@/components/admin/line-chart";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminDashboardPage() {
  await requirePermission("admin.access", "/admin");
  const d = await adminDashboard();
  const tiles: [string, number][] = [
    ["Open jobs", d.jobsByState.OPEN ?? 0],
    ["Claimed / in progress", (d.jobsByState.CLAIMED ?? 0) + (d.jobsByState.IN_PROGRESS ?? 0)],
    ["Posted today", d.postedToday],
    ["Posted this week", d.postedThisWeek],
    ["Recurring jobs generated today", d.generatedToday],
    ["Open disputes", d.jobsByState.DISPUTED ?? 0],
    ["Failed queue jobs", d.failedQueueJobs],
    ["Active scoopers (30 days)", d.activeScoopers],
  ];
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Dashboard</h1>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {tiles.map(([label, value]) => (
          <div key={label} className="rounded-lg border p-4" data-testid={`tile-${label}`}>
            <div className="text-2xl font-bold">{value}</div>
            <div className="text-xs text-slate-600">{label}</div>
          </div>
        ))}
      </div>
      <section className="space-y-2" data-testid="chart-jobs-per-day">
        <h2 className="font-semibold">Jobs posted, claimed and expired per day (30 days)</h2>
        <LineChart days={d.jobsPerDay} series={DAILY_SERIES} />
      </section>
      <section className="space-y-2" data-testid="chart-claim-time">
        <h2 className="font-semibold">Time from post to claim (30 days)</h2>
        <BarChart points={d.claimTime} labels="all" />
      </section>
      <section className="space-y-2" data-testid="chart-generated-per-day">
        <h2 className="font-semibold">Recurring jobs generated per day (30 days)</h2>
        <BarChart points={d.generatedPerDay.map((p) => ({ label: p.date, count: p.count }))} />
      </section>
      <section className="space-y-2">
        <h2 className="font-semibold">Jobs by state</h2>
        <table className="text-sm">
          <tbody>
            {Object.entries(d.jobsByState).map(([state, n]) => (
              <tr key={state}>
                <td className="pr-6">{state.toLowerCase().replace("_", " ")}</td>
                <td className="text-right font-mono">{n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
