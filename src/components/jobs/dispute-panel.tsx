"use client";
import { formatDateTime } from "@/lib/format-date";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLocale, useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { useForm, useWatch, type UseFormRegisterReturn } from "react-hook-form";
import type { z } from "zod";
import { formError, showServerErrors } from "@/components/accounts/errors";
import { schemaResolver } from "@/components/ui/schema-resolver";
import { DISPUTE_TEXT_MAX, openDisputeInputSchema, respondDisputeInputSchema } from "@/lib/schemas/disputes";
import type { Locale } from "@/lib/i18n/locales";
import { formatCents } from "@/lib/money";
import type { RouterOutputs } from "@/trpc/react";

type JobDetail = RouterOutputs["jobs"]["byId"];
import { api } from "@/trpc/react";
import { DISPUTE_REASON_LABEL } from "./labels";
import { PhotoUploader } from "./photo-uploader";

type Dispute = NonNullable<JobDetail["dispute"]>;
const REASONS = Object.keys(DISPUTE_REASON_LABEL) as (keyof typeof DISPUTE_REASON_LABEL)[];
const btn = "w-full rounded-lg py-3 font-semibold disabled:opacity-60";

/** Both parties (and admins) see where the dispute stands: the complaint, the response and the outcome. */
export function DisputeSummary({ dispute }: { dispute: Dispute }) {
  const t = useTranslations("jobs");
  const locale = useLocale() as Locale;
  const b = (chunks: ReactNode) => <b>{chunks}</b>;
  // The deadline is written in the viewer's time zone: by the browser, after hydration.
  const hydrated = useHydrated();
  return (
    <section className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="dispute">
      <div className="font-semibold">{t("dispute.title", { reason: t(`disputeReason.${dispute.reason}`) })}</div>
      <p className="whitespace-pre-wrap">{dispute.text}</p>
      {dispute.respondedAt ? (
        <p className="whitespace-pre-wrap">{t.rich("dispute.scooperResponse", { b, response: dispute.scooperResponse ?? "" })}</p>
      ) : (
        !dispute.resolvedAt && hydrated && <p className="text-slate-600">{t("dispute.mayRespondUntil", { when: formatDateTime(dispute.responseDeadlineAt, { locale }) })}</p>
      )}
      {dispute.outcome ? (
        <p data-testid="dispute-outcome">
          {dispute.outcome !== "RELEASE"
            ? t.rich("dispute.resolvedRefund", { b, outcome: t(`disputeOutcome.${dispute.outcome}`), amount: formatCents(dispute.refundCents ?? 0, locale) })
            : t.rich("dispute.resolved", { b, outcome: t(`disputeOutcome.${dispute.outcome}`) })}
        </p>
      ) : (
        <p className="text-slate-600">{t("dispute.adminWillReview")}</p>
      )}
      {dispute.adminNote && <p className="text-slate-600">{t("dispute.note", { note: dispute.adminNote })}</p>}
    </section>
  );
}

/** The poster disputes completed work instead of confirming it (photos first, then the form). */
export function OpenDisputeForm({ jobId, onDone }: { jobId: string; onDone: () => void }) {
  const t = useTranslations("jobs");
  const [shown, setShown] = useState(false);
  const form = useForm<z.input<typeof openDisputeInputSchema>, unknown, z.output<typeof openDisputeInputSchema>>({
    resolver: schemaResolver(openDisputeInputSchema),
    defaultValues: { jobId, reason: "INCOMPLETE", text: "" },
  });
  const open = api.disputes.open.useMutation({ onSuccess: onDone, onError: (e) => showServerErrors(form.setError, e) });
  const typed = useWatch({ control: form.control, name: "text" });
  if (!shown) return <button className={`${btn} border border-amber-400 text-amber-800`} onClick={() => setShown(true)}>{t("dispute.open")}</button>;
  return (
    <form className="space-y-2 rounded-lg border p-3" noValidate onSubmit={form.handleSubmit((input) => open.mutate(input))}>
      <label className="block text-sm font-medium">
        {t("dispute.whatWentWrong")}
        <select className="mt-1 w-full rounded-lg border px-2 py-2" {...form.register("reason")}>
          {REASONS.map((r) => <option key={r} value={r}>{t(`disputeReason.${r}`)}</option>)}
        </select>
      </label>
      <DisputeText label={t("dispute.details")} text={form.register("text")} typed={typed} error={form.formState.errors.text?.message} />
      <PhotoUploader jobId={jobId} kind="DISPUTE" />
      {open.error && !form.formState.errors.text && <p className="text-sm text-red-700" role="alert">{formError(open.error)}</p>}
      <button type="submit" className={`${btn} bg-amber-600 text-white`} disabled={open.isPending}>{t("dispute.send")}</button>
    </form>
  );
}

/** The scooper's one response, before the deadline. */
export function RespondToDisputeForm({ jobId, onDone }: { jobId: string; onDone: () => void }) {
  const t = useTranslations("jobs");
  const form = useForm<z.input<typeof respondDisputeInputSchema>, unknown, z.output<typeof respondDisputeInputSchema>>({
    resolver: schemaResolver(respondDisputeInputSchema),
    defaultValues: { jobId, text: "" },
  });
  const respond = api.disputes.respond.useMutation({ onSuccess: onDone, onError: (e) => showServerErrors(form.setError, e) });
  const typed = useWatch({ control: form.control, name: "text" });
  return (
    <form className="space-y-2 rounded-lg border p-3" noValidate onSubmit={form.handleSubmit((input) => respond.mutate(input))}>
      <DisputeText label={t("dispute.yourResponse")} text={form.register("text")} typed={typed} error={form.formState.errors.text?.message} />
      <PhotoUploader jobId={jobId} kind="DISPUTE" />
      {respond.error && !form.formState.errors.text && <p className="text-sm text-red-700" role="alert">{formError(respond.error)}</p>}
      <button type="submit" className={`${btn} bg-brand-600 text-white`} disabled={respond.isPending}>{t("dispute.respond")}</button>
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
