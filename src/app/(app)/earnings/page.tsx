import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PayoutSetupButton } from "@/components/payments/payout-setup-button";
import { AuthCard, Notice } from "@/components/ui/form";
import { can } from "@/lib/permissions";
import { formatCents } from "@/lib/money";
import { formatDate } from "@/lib/format-date";
import { env } from "@/env";
import { getCurrentSession } from "@/server/auth/current-session";
import { serverApi } from "@/trpc/server";
import type { RouterOutputs } from "@/trpc/react";

export const metadata: Metadata = { title: "Earnings" };

type Period = RouterOutputs["payments"]["earnings"]["thisWeek"];

function PeriodSection({ title, period, testId }: { title: string; period: Period; testId: string }) {
  return (
    <section className="space-y-2" data-testid={testId}>
      <div className="flex items-baseline justify-between">
        <h2 className="font-semibold">{title}</h2>
        <span className="text-xl font-bold">{formatCents(period.totals.payoutCents)}</span>
      </div>
      {period.jobs.length === 0 ? (
        <p className="text-sm text-slate-500">No paid jobs.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-left text-slate-500">
              <tr>
                <th className="py-1 pr-3 font-medium">Job</th>
                <th className="py-1 pr-3 text-right font-medium">Gross</th>
                <th className="py-1 pr-3 text-right font-medium">Fee</th>
                <th className="py-1 pr-3 text-right font-medium">Tip</th>
                <th className="py-1 text-right font-medium">Payout</th>
              </tr>
            </thead>
            <tbody>
              {period.jobs.map((job) => (
                <tr key={job.jobId} className="border-t">
                  <td className="py-1 pr-3">
                    <div>{job.address}</div>
                    <div className="text-xs text-slate-500">{formatDate(job.paidAt, { timeZone: env.APP_TIMEZONE })}</div>
                  </td>
                  <td className="py-1 pr-3 text-right font-mono">{formatCents(job.grossCents)}</td>
                  <td className="py-1 pr-3 text-right font-mono">−{formatCents(job.feeCents)}</td>
                  <td className="py-1 pr-3 text-right font-mono">{formatCents(job.tipCents)}</td>
                  <td className="py-1 text-right font-mono">{formatCents(job.payoutCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export default async function EarningsPage() {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in?callbackUrl=/earnings");
  if (session.blocked) return <AuthCard title="Earnings"><Notice tone="error">{session.blocked}</Notice></AuthCard>;
  if (!can(session.user.roles, "jobs.claim")) {
    return <AuthCard title="Earnings"><Notice tone="info">Earnings are for scoopers. Add the scooper role on your profile to start.</Notice></AuthCard>;
  }
  const earnings = await (await serverApi()).payments.earnings();
  return (
    <main className="mx-auto w-full max-w-3xl space-y-8 px-4 py-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">Earnings</h1>
        <PayoutSetupButton />
      </div>
      <PeriodSection title="This week" period={earnings.thisWeek} testId="earnings-this-week" />
      <PeriodSection title="Last week" period={earnings.lastWeek} testId="earnings-last-week" />
      <PeriodSection title="All time" period={earnings.allTime} testId="earnings-all-time" />
    </main>
  );
}
