"use client";
/** The next service dates of a recurring cleanup, each with "Skip this visit" or, once skipped, "Undo". */
import { useLocale, useTranslations } from "next-intl";
import { formError } from "@/components/accounts/errors";
import type { Locale } from "@/lib/i18n/locales";
import { api } from "@/trpc/react";
import { formatServiceDate } from "./labels";

export function SkipVisits({ id }: { id: string }) {
  const t = useTranslations("recurring");
  const locale = useLocale() as Locale;
  const utils = api.useUtils();
  const visits = api.recurring.upcomingVisits.useQuery({ id }, { retry: false });
  const refresh = () => utils.recurring.upcomingVisits.invalidate({ id });
  const skip = api.recurring.skipVisit.useMutation({ onSuccess: refresh });
  const undo = api.recurring.undoSkipVisit.useMutation({ onSuccess: refresh });
  const error = skip.error ?? undo.error;
  if (!visits.data || visits.data.length === 0) return null;
  return (
    <section className="space-y-1">
      <h2 className="font-semibold">{t("skip.title")}</h2>
      <p className="text-xs text-slate-600">{t("skip.note")}</p>
      <ul className="divide-y rounded-lg border text-sm" data-testid="skip-visits">
        {visits.data.map((v) => (
          <li key={v.date} className="flex items-center justify-between gap-2 px-3 py-2">
            <span className={v.skipped ? "text-slate-500 line-through" : ""}>{formatServiceDate(v.date, locale)}</span>
            {v.skipped ? (
              <span className="flex items-center gap-2">
                <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-800">{t("skip.skipped")}</span>
                <button type="button" className="font-semibold text-brand-700" disabled={undo.isPending} onClick={() => undo.mutate({ id, date: v.date })}>
                  {t("skip.undo")}
                </button>
              </span>
            ) : (
              <button type="button" className="font-semibold text-slate-700" disabled={skip.isPending} onClick={() => skip.mutate({ id, date: v.date })}>
                {t("skip.skip")}
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && <p className="text-sm text-red-700" role="alert">{formError(error)}</p>}
    </section>
  );
}
