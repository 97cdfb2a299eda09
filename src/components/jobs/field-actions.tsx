"use client";
/**
 * What happens in the field, on a job's page: the claiming scooper's "On my way" (optionally sharing their
 * position once, for an estimate) and "Can't get in" report; the poster's answer to that report; an admin's
 * cancel of an UNREACHABLE job, choosing whether the scooper is owed the fee. Each is offered only when the
 * server lists the action (`allowedActions`), so the page never offers what the server refuses.
 */
import { useLocale, useTranslations } from "next-intl";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useState } from "react";
import { INTL_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { UnreachableReason } from "@/generated/prisma/enums";
import { formatCents } from "@/lib/money";
import { api } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/react";

type JobDetail = RouterOutputs["jobs"]["byId"];
import { devicePositionOnce } from "./device-position";
import { timeLeft, UNREACHABLE_REASON_LABEL } from "./labels";

function useWords() {
  return { t: useTranslations("jobs"), locale: useLocale() as Locale };
}
import { PhotoUploader } from "./photo-uploader";

const timeOfDay = (d: Date, locale: Locale) => d.toLocaleTimeString(INTL_LOCALE[locale], { hour: "numeric", minute: "2-digit" });
const btn = "w-full rounded-lg py-3 text-base font-semibold disabled:opacity-60";

export function FieldActions({ job, now, onChanged }: { job: JobDetail; now: Date; onChanged: () => void }) {
  const { t, locale } = useWords();
  const can = (a: JobDetail["actions"][number]) => job.actions.includes(a);
  // The ETA is a time of day in the viewer's time zone: written by the browser, after hydration.
  const hydrated = useHydrated();
  return (
    <>
      {job.status === "CLAIMED" && job.onMyWayAt && (
        <p className="rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm" data-testid="on-my-way-status">
          {job.viewer.isScooper ? t("field.youAreOnTheWay") : t("field.scooperOnTheWay")}
          {job.onMyWayEtaAt && hydrated ? t.rich("field.eta", { time: timeOfDay(job.onMyWayEtaAt, locale), b: (c) => <b>{c}</b> }) : "."}
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
  const { t } = useWords();
  const [sharePosition, setSharePosition] = useState(true);
  const onMyWay = api.jobs.onMyWay.useMutation({ onSuccess: onChanged });
  return (
    <div className="space-y-1 rounded-lg border p-3">
      <button
        className={`${btn} bg-brand-600 text-white`}
        disabled={onMyWay.isPending}
        onClick={async () => onMyWay.mutate({ jobId, location: sharePosition ? await devicePositionOnce() : null })}
      >
        {t("field.onMyWay")}
      </button>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" checked={sharePosition} onChange={(e) => setSharePosition(e.target.checked)} />
        {t("field.sharePosition")}
      </label>
      {onMyWay.error && <p className="text-sm text-red-700">{onMyWay.error.message}</p>}
    </div>
  );
}

function UnreachableSummary({ job, now }: { job: JobDetail; now: Date }) {
  const { t, locale } = useWords();
  if (!job.unreachable) return null;
  return (
    <div className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="unreachable-summary">
      <p className="font-semibold">{t("field.couldNotGetIn", { reason: t(`unreachableReason.${job.unreachable.reason}`).toLowerCase() })}</p>
      {job.unreachable.note && <p className="text-slate-700">&ldquo;{job.unreachable.note}&rdquo;</p>}
      {job.answerDeadlineAt && (
        <p className="text-slate-700">
          {t.rich(job.viewer.isPoster ? "field.answerWithin" : "field.waitingWithin", {
            left: timeLeft(t, job.answerDeadlineAt, now),
            fee: formatCents(job.cancellationFeeCents, locale),
            b: (c) => <b>{c}</b>,
          })}
        </p>
      )}
    </div>
  );
}

function AnswerUnreachable({ job, onChanged }: { job: JobDetail; onChanged: () => void }) {
  const { t, locale } = useWords();
  const answer = api.jobs.answerUnreachable.useMutation({ onSuccess: onChanged });
  return (
    <div className="space-y-2">
      <button className={`${btn} bg-brand-600 text-white`} disabled={answer.isPending} onClick={() => answer.mutate({ jobId: job.id, answer: "retry" })}>
        {t("field.tryAgain")}
      </button>
      <button className={`${btn} border border-red-300 text-red-700`} disabled={answer.isPending} onClick={() => answer.mutate({ jobId: job.id, answer: "cancel" })}>
        {t("field.cancelPaid", { fee: formatCents(job.cancellationFeeCents, locale) })}
      </button>
      {answer.error && <p className="text-sm text-red-700">{answer.error.message}</p>}
    </div>
  );
}

function AdminCancelUnreachable({ job, onChanged }: { job: JobDetail; onChanged: () => void }) {
  const { t, locale } = useWords();
  const [reason, setReason] = useState("");
  const [feeOwed, setFeeOwed] = useState<boolean | null>(null);
  const cancel = api.jobs.cancel.useMutation({ onSuccess: onChanged });
  return (
    <fieldset className="space-y-2 rounded-lg border p-3 text-sm">
      <legend className="px-1 font-semibold">{t("field.adminCancel")}</legend>
      <input className="w-full rounded-lg border px-3 py-2" placeholder={t("field.reasonRequired")} value={reason} onChange={(e) => setReason(e.target.value)} />
      <label className="flex items-center gap-2">
        <input type="radio" name="fee" checked={feeOwed === true} onChange={() => setFeeOwed(true)} /> {t("field.feeOwed", { fee: formatCents(job.cancellationFeeCents, locale) })}
      </label>
      <label className="flex items-center gap-2">
        <input type="radio" name="fee" checked={feeOwed === false} onChange={() => setFeeOwed(false)} /> {t("field.noFee")}
      </label>
      <button
        className={`${btn} border border-red-300 text-red-700`}
        disabled={cancel.isPending || feeOwed === null || !reason.trim()}
        onClick={() => cancel.mutate({ jobId: job.id, reason, scooperFeeOwed: feeOwed })}
      >
        {t("cancelDialog.trigger")}
      </button>
      {cancel.error && <p className="text-red-700">{cancel.error.message}</p>}
    </fieldset>
  );
}

const REASONS = Object.keys(UNREACHABLE_REASON_LABEL) as UnreachableReason[];

function ReportUnreachable({ jobId, onChanged }: { jobId: string; onChanged: () => void }) {
  const { t } = useWords();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<UnreachableReason>("LOCKED_GATE");
  const [note, setNote] = useState("");
  const report = api.jobs.reportUnreachable.useMutation({ onSuccess: onChanged });
  if (!open) {
    return (
      <button className={`${btn} border border-amber-400 text-amber-800`} onClick={() => setOpen(true)}>
        {t("field.cantGetIn")}
      </button>
    );
  }
  return (
    <fieldset className="space-y-2 rounded-lg border border-amber-300 p-3 text-sm">
      <legend className="px-1 font-semibold">{t("field.reportTitle")}</legend>
      <label className="block">
        {t("field.why")}
        <select className="mt-1 w-full rounded-lg border px-3 py-2" value={reason} onChange={(e) => setReason(e.target.value as UnreachableReason)}>
          {REASONS.map((r) => (
            <option key={r} value={r}>{t(`unreachableReason.${r}`)}</option>
          ))}
        </select>
      </label>
      <label className="block">
        {t("field.note")}
        <textarea className="mt-1 w-full rounded-lg border px-3 py-2" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <p className="text-slate-600">{t("field.addPhoto")}</p>
      <PhotoUploader jobId={jobId} kind="UNREACHABLE" onUploaded={onChanged} />
      <button className={`${btn} bg-amber-600 text-white`} disabled={report.isPending} onClick={() => report.mutate({ jobId, reason, note: note || null })}>
        {t("field.sendReport")}
      </button>
      {report.error && <p className="text-red-700">{report.error.message}</p>}
    </fieldset>
  );
}
