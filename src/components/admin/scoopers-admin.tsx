"use client";
import { useLocale, useTranslations } from "next-intl";
import { formError } from "@/components/accounts/errors";
import { Notice } from "@/components/ui/form";
import { formatDateTime } from "@/lib/format-date";
import type { Locale } from "@/lib/i18n/locales";
import { api } from "@/trpc/react";

/** New scoopers waiting for approval (SCOOPER_APPROVAL), oldest first; each approval is audited. */
export function ScoopersAdmin({ approvalOn }: { approvalOn: boolean }) {
  const t = useTranslations("admin");
  const locale = useLocale() as Locale;
  const utils = api.useUtils();
  const queue = api.adminScoopers.awaiting.useQuery();
  const approve = api.adminScoopers.approve.useMutation({ onSuccess: () => void utils.adminScoopers.awaiting.invalidate() });
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        {approvalOn ? t("scoopers.approvalOn") : t("scoopers.approvalOff")}
      </p>
      {approve.error && <Notice tone="error">{formError(approve.error)}</Notice>}
      {queue.isLoading && <p className="text-slate-600">{t("loading")}</p>}
      {queue.data?.length === 0 && <p className="text-slate-600">{t("scoopers.empty")}</p>}
      <ul className="divide-y" data-testid="scooper-queue">
        {queue.data?.map((u) => (
          <li key={u.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
            {u.profile.photoVersion
              // eslint-disable-next-line @next/next/no-img-element -- private, per-viewer image: Next's optimizer would cache it
              ? <img src={`/api/scoopers/${u.id}/photo?v=${u.profile.photoVersion}`} alt={t("scoopers.photoAlt", { name: u.profile.displayName ?? u.email })} width={64} height={64} className="h-16 w-16 rounded-full border object-cover" />
              : <span className="flex h-16 w-16 items-center justify-center rounded-full border bg-slate-100 text-xs text-slate-600">{t("scoopers.noPhoto")}</span>}
            <span className="min-w-0 flex-1">
              <span className="block font-medium">{u.name ?? t("scoopers.noName")}{u.profile.displayName && t("scoopers.shownAs", { name: u.profile.displayName })}</span>
              <span className="block truncate text-sm text-slate-700">{t("scoopers.signedUp", { email: u.email, when: formatDateTime(u.createdAt, { locale }) })}</span>
              <span className="block text-sm text-slate-700">
                {u.profile.serviceRadiusKm !== null && u.profile.serviceLat !== null && u.profile.serviceLng !== null
                  ? t("scoopers.area", { km: u.profile.serviceRadiusKm, lat: u.profile.serviceLat.toFixed(3), lng: u.profile.serviceLng.toFixed(3) })
                  : t("scoopers.noArea")}
              </span>
              {u.acceptances.length > 0 ? (
                <ul className="mt-1 list-inside list-disc text-sm text-slate-700" aria-label={t("scoopers.statements", { email: u.email })}>
                  {u.acceptances.map((a) => <li key={`${a.attestationId}-${a.version}`}>{a.text} <span className="text-slate-600">{t("scoopers.accepted", { version: a.version, when: formatDateTime(a.acceptedAt, { locale }) })}</span></li>)}
                </ul>
              ) : <span className="block text-sm text-slate-700">{t("scoopers.noStatements")}</span>}
            </span>
            <button
              type="button"
              className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60"
              disabled={approve.isPending}
              onClick={() => approve.mutate({ userId: u.id })}
            >
              {t.rich("scoopers.approve", { email: u.email, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
