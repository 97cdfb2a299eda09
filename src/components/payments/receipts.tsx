"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatDateTime } from "@/lib/format-date";
import type { Locale } from "@/lib/i18n/locales";
import { formatCents } from "@/lib/money";
import { api, type RouterOutputs } from "@/trpc/react";

type Receipts = RouterOutputs["payments"]["receipts"];

/**
 * Each job's money steps from the ledger, and the totals above them; a card per job so it reads on a phone. Fetched
 * in the browser, so every time is in the viewer's own time zone.
 */
export function ReceiptsList() {
  const t = useTranslations("payments");
  const q = api.payments.receipts.useQuery();
  if (!q.data) return <p className="text-sm text-slate-600">{q.error ? q.error.message : t("receipts.loading")}</p>;
  return <ReceiptsView receipts={q.data} />;
}

function ReceiptsView({ receipts }: { receipts: Receipts }) {
  const w = useTranslations("payments");
  const tj = useTranslations("jobs");
  const locale = useLocale() as Locale;
  const money = (cents: number) => formatCents(cents, locale);
  const t = receipts.totals;
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-3 gap-2 text-center" data-testid="payment-totals">
        {[
          [w("receipts.charged"), t.chargedCents],
          [w("receipts.held"), t.heldCents],
          [w("receipts.refunded"), t.refundedCents],
        ].map(([label, cents]) => (
          <div key={label as string} className="rounded-lg border p-2">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-lg font-bold">{money(cents as number)}</dd>
          </div>
        ))}
      </dl>
      {receipts.jobs.length === 0 && <p className="text-sm text-slate-600">{w("receipts.empty")}</p>}
      <ul className="space-y-3">
        {receipts.jobs.map((job) => (
          <li key={job.jobId} className="space-y-2 rounded-lg border p-3" data-testid="receipt">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link href={`/jobs/${job.jobId}`} className="font-medium text-brand-700 underline">
                {job.address}
              </Link>
              <span className="text-xs text-slate-600">{tj.has(`status.${job.status}`) ? tj(`status.${job.status}` as "status.OPEN") : job.status}</span>
            </div>
            <ul className="space-y-1 text-sm">
              {job.lines.map((line, i) => (
                <li key={i} className="flex justify-between gap-3">
                  <span>
                    {w(`receipts.line.${line.kind}`)} <span className="text-xs text-slate-600">· {formatDateTime(line.at, { locale })}</span>
                  </span>
                  <span className="tabular-nums">{money(line.amountCents)}</span>
                </li>
              ))}
            </ul>
            <p className="flex justify-between border-t pt-1 text-sm font-semibold">
              <span>{job.heldCents > 0 ? w("receipts.held") : w("receipts.charged")}</span>
              <span className="tabular-nums">{money(job.heldCents > 0 ? job.heldCents : job.chargedCents)}</span>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
