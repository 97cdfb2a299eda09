"use client";
import { formatDateTime } from "@/lib/format-date";
import Link from "next/link";
import { useState } from "react";
import { formError } from "@/components/accounts/errors";
import { JobMessages } from "@/components/jobs/job-messages";
import { PhotoThumbs } from "@/components/jobs/photo-thumbs";
import { DISPUTE_OUTCOME_LABEL, DISPUTE_REASON_LABEL } from "@/components/jobs/labels";
import { Notice } from "@/components/ui/form";
import { formatCents } from "@/lib/money";
import { api, type RouterOutputs } from "@/trpc/react";

type Row = RouterOutputs["disputes"]["openQueue"][number];
const OUTCOMES = Object.keys(DISPUTE_OUTCOME_LABEL) as (keyof typeof DISPUTE_OUTCOME_LABEL)[];

/** The queue of unresolved disputes, oldest first, each with its resolution form. */
export function DisputesAdmin() {
  const queue = api.disputes.openQueue.useQuery();
  if (queue.isLoading) return <p className="text-slate-600">Loading…</p>;
  if (queue.error) return <Notice tone="error">{formError(queue.error)}</Notice>;
  if (!queue.data?.length) return <p className="text-slate-600">No open disputes.</p>;
  return (
    <ul className="space-y-4">
      {queue.data.map((d) => <DisputeCard key={d.id} dispute={d} />)}
    </ul>
  );
}

function DisputeCard({ dispute: d }: { dispute: Row }) {
  const utils = api.useUtils();
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>("RELEASE");
  const [refund, setRefund] = useState("");
  const [note, setNote] = useState("");
  const resolve = api.disputes.resolve.useMutation({ onSuccess: () => void utils.disputes.openQueue.invalidate() });
  const refundCents = Math.round(Number(refund || 0) * 100);
  return (
    <li className="space-y-2 rounded-lg border p-4" data-testid="dispute-row">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Link href={`/jobs/${d.jobId}`} className="font-semibold text-brand-700 underline">{d.address}</Link>
        <span className="text-sm text-slate-600">{formatCents(d.priceCents)} · opened {formatDateTime(d.openedAt)}</span>
      </div>
      <p className="text-sm"><b>{DISPUTE_REASON_LABEL[d.reason]}:</b> {d.text}</p>
      <p className="text-sm">
        {d.respondedAt ? <><b>Scooper:</b> {d.scooperResponse}</> : <span className="text-slate-600">No response yet (deadline {formatDateTime(d.responseDeadlineAt)}).</span>}
      </p>
      <PhotoThumbs photos={d.photos} alt="dispute photo" className="flex gap-2" />
      <JobMessages jobId={d.jobId} evidence />
      <form
        className="flex flex-wrap items-end gap-2 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          resolve.mutate({ jobId: d.jobId, outcome, refundCents: outcome === "PARTIAL_REFUND" ? refundCents : null, note: note || null });
        }}
      >
        <label>
          Outcome
          <select className="ml-1 rounded border px-2 py-1" value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
            {OUTCOMES.map((o) => <option key={o} value={o}>{DISPUTE_OUTCOME_LABEL[o]}</option>)}
          </select>
        </label>
        {outcome === "PARTIAL_REFUND" && (
          <label>
            Refund ($)
            <input className="ml-1 w-24 rounded border px-2 py-1" inputMode="decimal" value={refund} onChange={(e) => setRefund(e.target.value.replace(/[^\d.]/g, ""))} />
          </label>
        )}
        <input className="min-w-48 flex-1 rounded border px-2 py-1" placeholder="Note (kept in the audit log)" aria-label="Note" value={note} onChange={(e) => setNote(e.target.value)} />
        <button type="submit" className="rounded bg-brand-600 px-3 py-1.5 font-semibold text-white disabled:opacity-60" disabled={resolve.isPending}>Resolve</button>
      </form>
      {resolve.error && <Notice tone="error">{formError(resolve.error)}</Notice>}
    </li>
  );
}
