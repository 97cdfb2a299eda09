"use client";
import { formatDateTime } from "@/lib/format-date";
import { useState } from "react";
import { useForm, useWatch, type UseFormRegisterReturn } from "react-hook-form";
import type { z } from "zod";
import { formError, showServerErrors } from "@/components/accounts/errors";
import { schemaResolver } from "@/components/ui/schema-resolver";
import { DISPUTE_TEXT_MAX, openDisputeInputSchema, respondDisputeInputSchema } from "@/lib/schemas/disputes";
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
  const form = useForm<z.input<typeof openDisputeInputSchema>, unknown, z.output<typeof openDisputeInputSchema>>({
    resolver: schemaResolver(openDisputeInputSchema),
    defaultValues: { jobId, reason: "INCOMPLETE", text: "" },
  });
  const open = api.disputes.open.useMutation({ onSuccess: onDone, onError: (e) => showServerErrors(form.setError, e) });
  const typed = useWatch({ control: form.control, name: "text" });
  if (!shown) return <button className={`${btn} border border-amber-400 text-amber-800`} onClick={() => setShown(true)}>Open a dispute</button>;
  return (
    <form className="space-y-2 rounded-lg border p-3" noValidate onSubmit={form.handleSubmit((input) => open.mutate(input))}>
      <label className="block text-sm font-medium">
        What went wrong?
        <select className="mt-1 w-full rounded-lg border px-2 py-2" {...form.register("reason")}>
          {REASONS.map((r) => <option key={r} value={r}>{DISPUTE_REASON_LABEL[r]}</option>)}
        </select>
      </label>
      <DisputeText label="Details" text={form.register("text")} typed={typed} error={form.formState.errors.text?.message} />
      <PhotoUploader jobId={jobId} kind="DISPUTE" />
      {open.error && !form.formState.errors.text && <p className="text-sm text-red-700" role="alert">{formError(open.error)}</p>}
      <button type="submit" className={`${btn} bg-amber-600 text-white`} disabled={open.isPending}>Send the dispute</button>
    </form>
  );
}

/** The scooper's one response, before the deadline. */
export function RespondToDisputeForm({ jobId, onDone }: { jobId: string; onDone: () => void }) {
  const form = useForm<z.input<typeof respondDisputeInputSchema>, unknown, z.output<typeof respondDisputeInputSchema>>({
    resolver: schemaResolver(respondDisputeInputSchema),
    defaultValues: { jobId, text: "" },
  });
  const respond = api.disputes.respond.useMutation({ onSuccess: onDone, onError: (e) => showServerErrors(form.setError, e) });
  const typed = useWatch({ control: form.control, name: "text" });
  return (
    <form className="space-y-2 rounded-lg border p-3" noValidate onSubmit={form.handleSubmit((input) => respond.mutate(input))}>
      <DisputeText label="Your response" text={form.register("text")} typed={typed} error={form.formState.errors.text?.message} />
      <PhotoUploader jobId={jobId} kind="DISPUTE" />
      {respond.error && !form.formState.errors.text && <p className="text-sm text-red-700" role="alert">{formError(respond.error)}</p>}
      <button type="submit" className={`${btn} bg-brand-600 text-white`} disabled={respond.isPending}>Respond</button>
    </form>
  );
}

/** The dispute's text box with its limit shown before it is hit ("12/2000") and the schema's words under it. */
function DisputeText({ label, text, typed, error }: { label: string; text: UseFormRegisterReturn<"text">; typed: string; error?: string }) {
  const length = typed.length;
  return (
    <label className="block text-sm font-medium">
      {label}
      <textarea className="mt-1 w-full rounded-lg border px-3 py-2" rows={3} maxLength={DISPUTE_TEXT_MAX} aria-invalid={!!error} {...text} />
      <span className="block text-right text-xs font-normal text-slate-600">
        {length}/{DISPUTE_TEXT_MAX}
      </span>
      {error && <span className="block text-sm font-normal text-red-700" role="alert">{error}</span>}
    </label>
  );
}
