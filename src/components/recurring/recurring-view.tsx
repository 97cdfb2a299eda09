"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formError } from "@/components/accounts/errors";
import { JobNotes } from "@/components/jobs/job-notes";
import type { Locale } from "@/lib/i18n/locales";
import { formatCents } from "@/lib/money";
import { CardPayment } from "@/components/payments/card-payment";
import { api } from "@/trpc/react";
import { formatServiceDate } from "./labels";
import { RecurringForm } from "./recurring-form";
import { ServiceDates } from "./service-dates";
import { SkipVisits } from "./skip-visits";

/** One recurring cleanup: details, next dates, edit, pause (optionally until a date), resume, cancel. */
export function RecurringView({ id, earliestFirstDate, generationTime }: { id: string; earliestFirstDate: string; generationTime: string }) {
  const t = useTranslations("recurring");
  const tj = useTranslations("jobs");
  const locale = useLocale() as Locale;
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

  if (sub.isLoading) return <p className="p-4 text-slate-600">{t("view.loading")}</p>;
  if (sub.error) return <p className="p-4 text-slate-700">{sub.error.data?.code === "NOT_FOUND" ? t("view.notFound") : sub.error.message}</p>;
  const r = sub.data!;
  const price = formatCents(r.priceCents, locale);
  const summary = [
    t(`frequency.${r.frequency}`),
    t("view.perVisit", { price }),
    tj(`type.${r.type}`),
    ...(r.pileEstimate ? [tj(`pile.${r.pileEstimate}`)] : []),
    ...(r.litterLevel ? [tj(`litter.${r.litterLevel}`)] : []),
    tj("yardParts", { parts: r.yardSegments.join(", ") }),
  ].join(" · ");
  const btn = "rounded-lg border px-4 py-2 font-semibold disabled:opacity-60";

  if (editing) {
    return (
      <div className="space-y-3">
        <div className="flex items-center justify-between">
          <h2 className="text-lg font-semibold">{t("view.editTitle")}</h2>
          <button type="button" className="text-sm text-brand-700" onClick={() => setEditing(false)}>{t("view.back")}</button>
        </div>
        <p className="text-xs text-slate-600">{t("view.editNote")}</p>
        <RecurringForm earliestFirstDate={earliestFirstDate} generationTime={generationTime} existing={r} onSaved={() => setEditing(false)} />
      </div>
    );
  }

  return (
    <div className="space-y-5">
      <div>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold" data-testid="recurring-status">
          {r.status === "PAUSED" && r.pausedUntil
            ? t("view.statusUntil", { status: t(`status.${r.status}`), date: formatServiceDate(r.pausedUntil, locale) })
            : t(`status.${r.status}`)}
        </span>
        {r.pauseReason === "ACCOUNT_BLOCKED" && (
          <p className="mt-1 text-sm text-amber-800">{t("view.accountBlocked")}</p>
        )}
        <h1 className="mt-2 text-xl font-bold">{r.address}</h1>
        <p className="text-sm text-slate-600">{summary}</p>
        <p className="text-xs text-slate-500">{t("view.since", { date: formatServiceDate(r.firstServiceDate, locale) })}</p>
      </div>
      {payment.data && (
        <section className="space-y-2 rounded-lg border border-amber-300 p-3" data-testid="recurring-payment">
          <p className="text-sm text-amber-800">{t("view.unpaid", { amount: price })}</p>
          <CardPayment
            {...payment.data}
            submitLabel={t("view.pay", { amount: price })}
            returnPath={`/recurring/${id}`}
            onPaid={() => utils.recurring.invalidate()}
          />
        </section>
      )}
      <JobNotes publicNotes={r.publicNotes} accessNotes={r.accessNotes} />
      <section className="space-y-1">
        <h2 className="font-semibold">{t("view.nextDates")}</h2>
        <ServiceDates dates={r.nextServiceDates} locale={locale} empty={r.status === "CANCELLED" ? t("view.cancelledEmpty") : t("view.pausedEmpty")} />
      </section>
      {r.status !== "CANCELLED" && <SkipVisits id={id} />}

      {error && <p className="text-sm text-red-700" role="alert">{formError(error)}</p>}
      {r.status !== "CANCELLED" && (
        <div className="space-y-3">
          <button type="button" className={`${btn} w-full`} onClick={() => setEditing(true)}>{t("view.edit")}</button>
          {r.status === "PAUSED" ? (
            <button type="button" className={`${btn} w-full bg-brand-600 text-white`} disabled={resume.isPending} onClick={() => resume.mutate({ id })}>
              {t("view.resume")}
            </button>
          ) : (
            <div className="flex items-end gap-2">
              <label className="flex-1 space-y-1">
                <span className="block text-sm font-medium">{t("view.pauseUntil")}</span>
                <input type="date" min={earliestFirstDate} className="w-full rounded-lg border border-slate-300 px-3 py-2" value={pauseUntil} onChange={(e) => setPauseUntil(e.target.value)} />
              </label>
              <button type="button" className={btn} disabled={pause.isPending} onClick={() => pause.mutate({ id, until: pauseUntil || null })}>
                {t("view.pause")}
              </button>
            </div>
          )}
          {confirmingCancel ? (
            <div className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm">
              <p>{t("view.cancelConfirm")}</p>
              <div className="flex gap-2">
                <button type="button" className={`${btn} border-red-300 bg-white text-red-700`} disabled={cancel.isPending} onClick={() => cancel.mutate({ id })}>
                  {t("view.yesCancel")}
                </button>
                <button type="button" className={btn} onClick={() => setConfirmingCancel(false)}>{t("view.keep")}</button>
              </div>
            </div>
          ) : (
            <button type="button" className={`${btn} w-full border-red-300 text-red-700`} onClick={() => setConfirmingCancel(true)}>
              {t("view.cancel")}
            </button>
          )}
        </div>
      )}
      <p className="text-sm">
        {/* No procedure lists a subscription's jobs yet; generated jobs are ordinary jobs in My jobs. */}
        {t.rich("view.jobsIn", {
          link: (chunks) => <Link href="/my-jobs" className="font-medium text-brand-700 underline">{chunks}</Link>,
        })}
      </p>
    </div>
  );
}
