"use client";
import Link from "next/link";
import { useState } from "react";
import { formError } from "@/components/accounts/errors";
import { JobNotes } from "@/components/jobs/job-notes";
import { LITTER_LABEL, PILE_LABEL, TYPE_LABEL } from "@/components/jobs/labels";
import { formatCents } from "@/lib/money";
import { CardPayment } from "@/components/payments/card-payment";
import { api } from "@/trpc/react";
import { FREQUENCY_LABEL, formatServiceDate, RECURRING_STATUS_LABEL } from "./labels";
import { RecurringForm } from "./recurring-form";
import { ServiceDates } from "./service-dates";
import { SkipVisits } from "./skip-visits";

/** One recurring cleanup: details, next dates, edit, pause (optionally until a date), resume, cancel. */
export function RecurringView({ id, earliestFirstDate }: { id: string; earliestFirstDate: string }) {
  const utils = api.useUtils();
  const sub = api.recurring.byId.useQuery({ id }, { retry: false });
  const [editing, setEditing] = useState(false);
  const [pauseUntil, setPauseUntil] = useState("");
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const opts = { onSuccess: () => utils.recurring.invalidate() };
  const pause = api.recurring.pause.useMutation(opts);
  const resume = api.recurring.resume.useMutation(opts);
  const cancel = api.recurring.cancel.useMutation({ onSuccess: () => (setConfirmingCancel(false), utils.recurring.invalidate()) });
  const error = [pause, resume, cancel].find((m) => m.error)?.error;
  const payment = api.recurring.paymentForm.useQuery({ id }, { retry: false, enabled: sub.data?.status !== "CANCELLED" && !!sub.data });

  if (sub.isLoading) return <p className="p-4 text-slate-600">Loading…</p>;
  if (sub.error) return <p className="p-4 text-slate-700">{sub.error.data?.code === "NOT_FOUND" ? "No such recurring cleanup." : sub.error.message}</p>;
  const r = sub.data!;
  const btn = "rounded-lg border px-4 py-2 font-semibold disabled:opacity-60";

  if (editing) {
    return (
      <div className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 className="text-lg font-semibold">Edit recurring cleanup</h2>
          <button type="button" className="text-sm text-brand-700" onClick={() => setEditing(false)}>Back</button>
        </div>
        <p className="text-xs text-slate-600">Changes apply from the next service date; jobs already posted keep their details.</p>
        <RecurringForm earliestFirstDate={earliestFirstDate} existing={r} onSaved={() => setEditing(false)} />
      </div>
    );
  }

  return (
    <div className="space-y-5">
      <div>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold" data-testid="recurring-status">
          {RECURRING_STATUS_LABEL[r.status]}
          {r.status === "PAUSED" && r.pausedUntil && ` until ${formatServiceDate(r.pausedUntil)}`}
        </span>
        {r.pauseReason === "ACCOUNT_BLOCKED" && (
          <p className="mt-1 text-sm text-amber-800">Paused because your account was blocked. Resume it when you are ready.</p>
        )}
        <h1 className="mt-2 text-xl font-bold">{r.address}</h1>
        <p className="text-sm text-slate-600">
          {FREQUENCY_LABEL[r.frequency]} · {formatCents(r.priceCents)} per visit · {TYPE_LABEL[r.type]}
          {r.pileEstimate && ` · ${PILE_LABEL[r.pileEstimate]}`}
          {r.litterLevel && ` · ${LITTER_LABEL[r.litterLevel]}`} · yard {r.yardSegments.join(", ")}
        </p>
        <p className="text-xs text-slate-500">Since {formatServiceDate(r.firstServiceDate)}</p>
      </div>
      {payment.data && (
        <section className="space-y-2 rounded-lg border border-amber-300 p-3" data-testid="recurring-payment">
          <p className="text-sm text-amber-800">A visit is not paid yet: pay {formatCents(r.priceCents)} to keep your cleanups coming.</p>
          <CardPayment
            {...payment.data}
            submitLabel={`Pay ${formatCents(r.priceCents)}`}
            returnPath={`/recurring/${id}`}
            onPaid={() => utils.recurring.invalidate()}
          />
        </section>
      )}
      <JobNotes publicNotes={r.publicNotes} accessNotes={r.accessNotes} />
      <section className="space-y-1">
        <h2 className="font-semibold">Next service dates</h2>
        <ServiceDates dates={r.nextServiceDates} empty={r.status === "CANCELLED" ? "Cancelled: no more cleanups." : "Paused: resume to schedule cleanups."} />
      </section>
      {r.status !== "CANCELLED" && <SkipVisits id={id} />}

      {error && <p className="text-sm text-red-700" role="alert">{formError(error)}</p>}
      {r.status !== "CANCELLED" && (
        <div className="space-y-3">
          <button type="button" className={`${btn} w-full`} onClick={() => setEditing(true)}>Edit</button>
          {r.status === "PAUSED" ? (
            <button type="button" className={`${btn} w-full bg-brand-600 text-white`} disabled={resume.isPending} onClick={() => resume.mutate({ id })}>
              Resume
            </button>
          ) : (
            <div className="flex items-end gap-2">
              <label className="flex-1 space-y-1">
                <span className="block text-sm font-medium">Pause until (optional)</span>
                <input type="date" min={earliestFirstDate} className="w-full rounded-lg border border-slate-300 px-3 py-2" value={pauseUntil} onChange={(e) => setPauseUntil(e.target.value)} />
              </label>
              <button type="button" className={btn} disabled={pause.isPending} onClick={() => pause.mutate({ id, until: pauseUntil || null })}>
                Pause
              </button>
            </div>
          )}
          {confirmingCancel ? (
            <div className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm">
              <p>Cancel this recurring cleanup? No more jobs will be posted for it. This cannot be undone.</p>
              <div className="flex gap-2">
                <button type="button" className={`${btn} border-red-300 bg-white text-red-700`} disabled={cancel.isPending} onClick={() => cancel.mutate({ id })}>
                  Yes, cancel it
                </button>
                <button type="button" className={btn} onClick={() => setConfirmingCancel(false)}>Keep it</button>
              </div>
            </div>
          ) : (
            <button type="button" className={`${btn} w-full border-red-300 text-red-700`} onClick={() => setConfirmingCancel(true)}>
              Cancel recurring cleanup
            </button>
          )}
        </div>
      )}
      <p className="text-sm">
        {/* No procedure lists a subscription's jobs yet; generated jobs are ordinary jobs in My jobs. */}
        Jobs posted for it appear in{" "}
        <Link href="/my-jobs" className="font-medium text-brand-700 underline">My jobs</Link>.
      </p>
    </div>
  );
}
