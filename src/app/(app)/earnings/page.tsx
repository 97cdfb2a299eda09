import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PayoutSetupButton } from "@/components/payments/payout-setup-button";
import { AuthCard, Notice } from "@/components/ui/form";
import { can } from "@/lib/permissions";
import { formatCents } from "@/lib/money";
import { formatDate } from "@/lib/format-date";
import { env } from "@/env";
import { getCurrentSession } from "@/server/auth/current-session";
import type { Locale } from "@/lib/i18n/locales";
import { serverApi } from "@/trpc/server";
import type { RouterOutputs } from "@/trpc/react";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("earnings"))("title") };
}

type Period = RouterOutputs["payments"]["earnings"]["thisWeek"];

async function PeriodSection({ title, period, testId }: { title: string; period: Period; testId: string }) {
  const t = await getTranslations("earnings");
  const locale = (await getLocale()) as Locale;
  return (
    <section className="space-y-2" data-testid={testId}>
      <div className="flex items-baseline justify-between">
        <h2 className="font-semibold">{title}</h2>
        <span className="text-xl font-bold">{formatCents(period.totals.payoutCents, locale)}</span>
      </div>
      {period.jobs.length === 0 ? (
        <p className="text-sm text-slate-500">{t("noJobs")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="text-left text-slate-500">
              <tr>
                <th className="py-1 pr-3 font-medium">{t("column.job")}</th>
                <th className="py-1 pr-3 text-right font-medium">{t("column.gross")}</th>
                <th className="py-1 pr-3 text-right font-medium">{t("column.fee")}</th>
                <th className="py-1 pr-3 text-right font-medium">{t("column.tip")}</th>
                <th className="py-1 text-right font-medium">{t("column.payout")}</th>
              </tr>
            </thead>
            <tbody>
              {period.jobs.map((job) => (
                <tr key={job.jobId} className="border-t">
                  <td className="py-1 pr-3">
                    <div>{job.address}</div>
                    <div className="text-xs text-slate-500">{formatDate(job.paidAt, { timeZone: env.APP_TIMEZONE, locale })}</div>
                  </td>
                  <td className="py-1 pr-3 text-right font-mono">{formatCents(job.grossCents, locale)}</td>
                  <td className="py-1 pr-3 text-right font-mono">−{formatCents(job.feeCents, locale)}</td>
                  <td className="py-1 pr-3 text-right font-mono">{formatCents(job.tipCents, locale)}</td>
                  <td className="py-1 text-right font-mono">{formatCents(job.payoutCents, locale)}</td>
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
  const t = await getTranslations("earnings");
  if (session.blocked) return <AuthCard title={t("title")}><Notice tone="error">{session.blocked}</Notice></AuthCard>;
  if (!can(session.user.roles, "jobs.claim")) {
    return <AuthCard title={t("title")}><Notice tone="info">{t("onlyScoopers")}</Notice></AuthCard>;
  }
  const earnings = await (await serverApi()).payments.earnings();
  return (
    <main className="mx-auto w-full max-w-3xl space-y-8 px-4 py-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <PayoutSetupButton />
      </div>
      <PeriodSection title={t("thisWeek")} period={earnings.thisWeek} testId="earnings-this-week" />
      <PeriodSection title={t("lastWeek")} period={earnings.lastWeek} testId="earnings-last-week" />
      <PeriodSection title={t("allTime")} period={earnings.allTime} testId="earnings-all-time" />
    </main>
  );
}
