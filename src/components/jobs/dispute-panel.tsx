"use client";
import { formatDateTime } from "@/lib/format-date";
import { useState } from "react";
import { fieldErrors, formError } from "@/components/accounts/errors";
import { formatCents } from "@/lib/money";
import type { RouterOutputs } from "@/trpc/react";

type JobDetail = RouterOutputs["jobs"]["byId"];
import { api } from "@/trpc/react";
import { DISPUTE_OUTCOME_LABEL, DISPUTE_REASON_LABEL } from "./labels";
import { PhotoUploader } from "./photo-uploader";

type Dispute = NonNullable<JobDetail["dispute"]>;
const REASONS = Object.keys(DISPUTE_REASON_LABEL) as (keyof typeof DISPUTE_REASON_LABEL)[];
const btn = "w-full rounded-lg py-3 font-semibold disabled:opacity-60";

/** Both parties (and admins) see where the dispute stands: the complaint, the response and the outcome. */
export function DisputeSummary({ dispute }: { dispute: Dispute }) {
  return (
    <section className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="dispute">
      <div className="font-semibold">Dispute: {DISPUTE_REASON_LABEL[dispute.reason]}</div>
      <p className="whitespace-pre-wrap">{dispute.text}</p>
      {dispute.respondedAt ? (
        <p className="whitespace-pre-wrap"><b>Scooper&apos;s response:</b> {dispute.scooperResponse}</p>
      ) : (
        !dispute.resolvedAt && <p className="text-slate-600">The scooper may respond until {formatDateTime(dispute.responseDeadlineAt)}.</p>
      )}
      {dispute.outcome ? (
        <p data-testid="dispute-outcome">
          <b>Resolved:</b> {DISPUTE_OUTCOME_LABEL[dispute.outcome]}
          {dispute.outcome !== "RELEASE" && ` · ${formatCents(dispute.refundCents ?? 0)} refunded`}
        </p>
      ) : (
        <p className="text-slate-600">An admin will review it.</p>
      )}
      {dispute.adminNote && <p className="text-slate-600">Note: {dispute.adminNote}</p>}
    </section>
  );
}

/** The poster disputes completed work instead of confirming it (photos first, then the form). */
export function OpenDisputeForm({ jobId, onDone }: { jobId: string; onDone: () => void }) {
  const [shown, setShown] = useState(false);
  const [reason, setReason] = useState<(typeof REASONS)[number]>("INCOMPLETE");
  const [text, setText] = useState("");
  const open = api.disputes.open.useMutation({ onSuccess: onDone });
  if (!shown) return <button className={`${btn} border border-amber-400 text-amber-800`} onClick={() => setShown(true)}>Open a dispute</button>;
  return (
    <form className="space-y-2 rounded-lg border p-3" onSubmit={(e) => (e.preventDefault(), open.mutate({ jobId, reason, text }))}>
      <label className="block text-sm font-medium">
        What went wrong?
        <select className="mt-1 w-full rounded-lg border px-2 py-2" value={reason} onChange={(e) => setReason(e.target.value as typeof reason)}>
          {REASONS.map((r) => <option key={r} value={r}>{DISPUTE_REASON_LABEL[r]}</option>)}
        </select>
      </label>
      <label className="block text-sm font-medium">
        Details
        <textarea className="mt-1 w-full rounded-lg border px-3 py-2" rows={3} value={text} onChange={(e) => setText(e.target.value)} required maxLength={2000} />
        <span className="block text-right text-xs font-normal text-slate-600">{text.length}/2000</span>
      </label>
      <PhotoUploader jobId={jobId} kind="DISPUTE" />
      {open.error && <p className="text-sm text-red-700" role="alert">{fieldErrors(open.error).text?.[0] ?? formError(open.error)}</p>}
      <button type="submit" className={`${btn} bg-amber-600 text-white`} disabled={open.isPending || !text.trim()}>Send the dispute</button>
    </form>
  );
}

/** The scooper's one response, before the deadline. */
export function RespondToDisputeForm({ jobId, onDone }: { jobId: string; onDone: () => void }) {
  const [text, setText] = useState("");
  const respond = api.disputes.respond.useMutation({ onSuccess: onDone });
  return (
    <form className="space-y-2 rounded-lg border p-3" onSubmit={(e) => (e.preventDefault(), respond.mutate({ jobId, text }))}>
      <label className="block text-sm font-medium">
        Your response
        <textarea className="mt-1 w-full rounded-lg border px-3 py-2" rows={3} value={text} onChange={(e) => setText(e.target.value)} required maxLength={2000} />
        <span className="block text-right text-xs font-normal text-slate-600">{text.length}/2000</span>
      </label>
      <PhotoUploader jobId={jobId} kind="DISPUTE" />
      {respond.error && <p className="text-sm text-red-700" role="alert">{fieldErrors(respond.error).text?.[0] ?? formError(respond.error)}</p>}
      <button type="submit" className={`${btn} bg-brand-600 text-white`} disabled={respond.isPending || !text.trim()}>Respond</button>
    </form>
  );
}
