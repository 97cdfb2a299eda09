"use client";
/**
 * What happens in the field, on a job's page: the claiming scooper's "On my way" (optionally sharing their
 * position once, for an estimate) and "Can't get in" report; the poster's answer to that report; an admin's
 * cancel of an UNREACHABLE job, choosing whether the scooper is owed the fee. Each is offered only when the
 * server lists the action (`allowedActions`), so the page never offers what the server refuses.
 */
import { useState } from "react";
import type { UnreachableReason } from "@/generated/prisma/enums";
import { formatCents } from "@/lib/money";
import { api } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/react";

type JobDetail = RouterOutputs["jobs"]["byId"];
import { devicePositionOnce } from "./device-position";
import { timeLeft, UNREACHABLE_REASON_LABEL } from "./labels";
import { PhotoUploader } from "./photo-uploader";

const timeOfDay = (d: Date) => d.toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
const btn = "w-full rounded-lg py-3 text-base font-semibold disabled:opacity-60";

export function FieldActions({ job, now, onChanged }: { job: JobDetail; now: Date; onChanged: () => void }) {
  const can = (a: JobDetail["actions"][number]) => job.actions.includes(a);
  return (
    <>
      {job.status === "CLAIMED" && job.onMyWayAt && (
        <p className="rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm" data-testid="on-my-way-status">
          {job.viewer.isScooper ? "You told the customer you are on the way" : "Your scooper is on the way"}
          {job.onMyWayEtaAt ? <>: expected around <b>{timeOfDay(job.onMyWayEtaAt)}</b>.</> : "."}
        </p>
      )}
      {job.status === "UNREACHABLE" && <UnreachableSummary job={job} now={now} />}
      {can("onMyWay") && <OnMyWay jobId={job.id} onChanged={onChanged} />}
      {can("answerUnreachable") && <AnswerUnreachable job={job} onChanged={onChanged} />}
      {can("adminCancelUnreachable") && <AdminCancelUnreachable job={job} onChanged={onChanged} />}
      {can("reportUnreachable") && <ReportUnreachable jobId={job.id} onChanged={onChanged} />}
    </>
  );
}

function OnMyWay({ jobId, onChanged }: { jobId: string; onChanged: () => void }) {
  const [sharePosition, setSharePosition] = useState(true);
  const onMyWay = api.jobs.onMyWay.useMutation({ onSuccess: onChanged });
  return (
    <div className="space-y-1 rounded-lg border p-3">
      <button
        className={`${btn} bg-brand-600 text-white`}
        disabled={onMyWay.isPending}
        onClick={async () => onMyWay.mutate({ jobId, location: sharePosition ? await devicePositionOnce() : null })}
      >
        On my way
      </button>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={sharePosition} onChange={(e) => setSharePosition(e.target.checked)} />
        Share my position once, so the customer gets an arrival estimate
      </label>
      {onMyWay.error && <p className="text-sm text-red-700">{onMyWay.error.message}</p>}
    </div>
  );
}

function UnreachableSummary({ job, now }: { job: JobDetail; now: Date }) {
  if (!job.unreachable) return null;
  return (
    <div className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="unreachable-summary">
      <p className="font-semibold">The scooper could not get in: {UNREACHABLE_REASON_LABEL[job.unreachable.reason].toLowerCase()}</p>
      {job.unreachable.note && <p className="text-slate-700">&ldquo;{job.unreachable.note}&rdquo;</p>}
      {job.answerDeadlineAt && (
        <p className="text-slate-700">
          {job.viewer.isPoster ? "Please answer" : "Waiting for the customer's answer"} within <b>{timeLeft(job.answerDeadlineAt, now)}</b>; with no answer
          the job is cancelled and the scooper is paid {formatCents(job.cancellationFeeCents)}.
        </p>
      )}
    </div>
  );
}

function AnswerUnreachable({ job, onChanged }: { job: JobDetail; onChanged: () => void }) {
  const answer = api.jobs.answerUnreachable.useMutation({ onSuccess: onChanged });
  return (
    <div className="space-y-2">
      <button className={`${btn} bg-brand-600 text-white`} disabled={answer.isPending} onClick={() => answer.mutate({ jobId: job.id, answer: "retry" })}>
        Try again (I fixed it)
      </button>
      <button className={`${btn} border border-red-300 text-red-700`} disabled={answer.isPending} onClick={() => answer.mutate({ jobId: job.id, answer: "cancel" })}>
        Cancel (the scooper is paid {formatCents(job.cancellationFeeCents)})
      </button>
      {answer.error && <p className="text-sm text-red-700">{answer.error.message}</p>}
    </div>
  );
}

function AdminCancelUnreachable({ job, onChanged }: { job: JobDetail; onChanged: () => void }) {
  const [reason, setReason] = useState("");
  const [feeOwed, setFeeOwed] = useState<boolean | null>(null);
  const cancel = api.jobs.cancel.useMutation({ onSuccess: onChanged });
  return (
    <fieldset className="space-y-2 rounded-lg border p-3 text-sm">
      <legend className="px-1 font-semibold">Cancel as an admin</legend>
      <input className="w-full rounded-lg border px-3 py-2" placeholder="Reason (required)" value={reason} onChange={(e) => setReason(e.target.value)} />
      <label className="flex items-center gap-2">
        <input type="radio" name="fee" checked={feeOwed === true} onChange={() => setFeeOwed(true)} /> The scooper is owed the {formatCents(job.cancellationFeeCents)} fee
      </label>
      <label className="flex items-center gap-2">
        <input type="radio" name="fee" checked={feeOwed === false} onChange={() => setFeeOwed(false)} /> No fee (the hold is released)
      </label>
      <button
        className={`${btn} border border-red-300 text-red-700`}
        disabled={cancel.isPending || feeOwed === null || !reason.trim()}
        onClick={() => cancel.mutate({ jobId: job.id, reason, scooperFeeOwed: feeOwed })}
      >
        Cancel the job
      </button>
      {cancel.error && <p className="text-red-700">{cancel.error.message}</p>}
    </fieldset>
  );
}

const REASONS = Object.keys(UNREACHABLE_REASON_LABEL) as UnreachableReason[];

function ReportUnreachable({ jobId, onChanged }: { jobId: string; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<UnreachableReason>("LOCKED_GATE");
  const [note, setNote] = useState("");
  const report = api.jobs.reportUnreachable.useMutation({ onSuccess: onChanged });
  if (!open) {
    return (
      <button className={`${btn} border border-amber-400 text-amber-800`} onClick={() => setOpen(true)}>
        Can&apos;t get in?
      </button>
    );
  }
  return (
    <fieldset className="space-y-2 rounded-lg border border-amber-300 p-3 text-sm">
      <legend className="px-1 font-semibold">Report that you can&apos;t get in</legend>
      <label className="block">
        Why
        <select className="mt-1 w-full rounded-lg border px-3 py-2" value={reason} onChange={(e) => setReason(e.target.value as UnreachableReason)}>
          {REASONS.map((r) => (
            <option key={r} value={r}>{UNREACHABLE_REASON_LABEL[r]}</option>
          ))}
        </select>
      </label>
      <label className="block">
        Note for the customer (optional)
        <textarea className="mt-1 w-full rounded-lg border px-3 py-2" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <p className="text-slate-600">Add at least one photo showing the problem (the gate, the dog, the house number).</p>
      <PhotoUploader jobId={jobId} kind="UNREACHABLE" onUploaded={onChanged} />
      <button className={`${btn} bg-amber-600 text-white`} disabled={report.isPending} onClick={() => report.mutate({ jobId, reason, note: note || null })}>
        Send the report
      </button>
      {report.error && <p className="text-red-700">{report.error.message}</p>}
    </fieldset>
  );
}
