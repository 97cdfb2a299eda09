"use client";
import Link from "next/link";
import { formatDateTime } from "@/lib/format-date";
import { formatCents } from "@/lib/money";
import { api, type RouterOutputs } from "@/trpc/react";
import { STATUS_LABEL } from "@/components/jobs/labels";

type Receipts = RouterOutputs["payments"]["receipts"];
type Kind = Receipts["jobs"][number]["lines"][number]["kind"];

/** The words of the receipts page, in one place. */
const WORDS = {
  charged: "Charged",
  held: "Held now",
  refunded: "Refunded",
  loading: "Loading your payments…",
  empty: "No payments yet. When you post a cleanup, its price is held on your card and shows here.",
  line: {
    authorize: "Held on your card",
    capture: "Charged (work confirmed)",
    void: "Hold released",
    "cancellation-fee": "Cancellation fee charged",
    refund: "Refunded",
    tip: "Tip charged",
  } satisfies Record<Kind, string>,
};

/**
 * Each job's money steps from the ledger, and the totals above them; a card per job so it reads on a phone. Fetched
 * in the browser, so every time is in the viewer's own time zone.
 */
export function ReceiptsList() {
  const q = api.payments.receipts.useQuery();
  if (!q.data) return <p className="text-sm text-slate-600">{q.error ? q.error.message : WORDS.loading}</p>;
  return <ReceiptsView receipts={q.data} />;
}

function ReceiptsView({ receipts }: { receipts: Receipts }) {
  const t = receipts.totals;
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-3 gap-2 text-center" data-testid="payment-totals">
        {[
          [WORDS.charged, t.chargedCents],
          [WORDS.held, t.heldCents],
          [WORDS.refunded, t.refundedCents],
        ].map(([label, cents]) => (
          <div key={label as string} className="rounded-lg border p-2">
            <dt className="text-xs text-slate-600">{label}</dt>
            <dd className="text-lg font-bold">{formatCents(cents as number)}</dd>
          </div>
        ))}
      </dl>
      {receipts.jobs.length === 0 && <p className="text-sm text-slate-600">{WORDS.empty}</p>}
      <ul className="space-y-3">
        {receipts.jobs.map((job) => (
          <li key={job.jobId} className="space-y-2 rounded-lg border p-3" data-testid="receipt">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link href={`/jobs/${job.jobId}`} className="font-medium text-brand-700 underline">
                {job.address}
              </Link>
              <span className="text-xs text-slate-600">{STATUS_LABEL[job.status as keyof typeof STATUS_LABEL] ?? job.status}</span>
            </div>
            <ul className="space-y-1 text-sm">
              {job.lines.map((line, i) => (
                <li key={i} className="flex justify-between gap-3">
                  <span>
                    {WORDS.line[line.kind]} <span className="text-xs text-slate-600">· {formatDateTime(line.at)}</span>
                  </span>
                  <span className="tabular-nums">{formatCents(line.amountCents)}</span>
                </li>
              ))}
            </ul>
            <p className="flex justify-between border-t pt-1 text-sm font-semibold">
              <span>{job.heldCents > 0 ? WORDS.held : WORDS.charged}</span>
              <span className="tabular-nums">{formatCents(job.heldCents > 0 ? job.heldCents : job.chargedCents)}</span>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
