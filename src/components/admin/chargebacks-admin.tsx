"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formError } from "@/components/accounts/errors";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Notice } from "@/components/ui/form";
import { formatDateTime } from "@/lib/format-date";
import type { Locale } from "@/lib/i18n/locales";
import { formatCents } from "@/lib/money";
import { api } from "@/trpc/react";

/**
 * Card disputes (chargebacks) against jobs' charges, one card per dispute so it reads on a phone. A dispute puts the
 * customer's new jobs on hold; an admin lets them post again, with a reason kept in the audit log.
 */
export function ChargebacksAdmin() {
  const t = useTranslations("admin.chargebacks");
  const locale = useLocale() as Locale;
  // Stripe's dispute words ("needs_response", "fraudulent"): the catalogue's, or Stripe's own with spaces.
  const word = (group: "status" | "why", value: string) => (t.has(`${group}.${value}`) ? t(`${group}.${value}`) : value.replaceAll("_", " "));
  const utils = api.useUtils();
  const chargebacks = api.payments.chargebacks.useQuery();
  const [releasing, setReleasing] = useState<{ userId: string; email: string } | null>(null);
  const [reason, setReason] = useState("");
  const release = api.adminUsers.releasePostingHold.useMutation({
    onSuccess: async () => {
      setReleasing(null);
      setReason("");
      await utils.payments.chargebacks.invalidate();
    },
  });
  const error = chargebacks.error ?? release.error;
  return (
    <div className="space-y-4">
      {error && <Notice tone="error">{formError(error)}</Notice>}
      {chargebacks.data?.length === 0 && <p className="text-sm text-slate-600">{t("empty")}</p>}
      <ul className="space-y-3">
        {chargebacks.data?.map((c) => (
          <li key={c.id} className="space-y-1 rounded-xl border bg-white p-4 text-sm" data-testid="chargeback-row">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <span className="text-base font-semibold">{t("disputed", { amount: formatCents(c.amountCents, locale) })}</span>
              <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{word("status", c.status)}</span>
            </div>
            <p>
              {t("opened", { reason: word("why", c.reason), when: formatDateTime(c.openedAt, { locale }) })}
              {c.closedAt && t("closed", { when: formatDateTime(c.closedAt, { locale }) })}
            </p>
            <p className="break-all">
              {t.rich("customer", {
                email: c.customer.email,
                link: (chunks) => <Link className="font-medium text-brand-700 underline" href={`/jobs/${c.jobId}`}>{chunks}</Link>,
              })}
            </p>
            {c.customer.postingHeld ? (
              <div className="flex flex-wrap items-center gap-2 pt-1">
                <span className="text-amber-800">{t("onHold")}</span>
                <button
                  className="rounded-lg border border-slate-300 px-3 py-1.5 font-semibold hover:bg-slate-50"
                  onClick={() => setReleasing({ userId: c.customer.id, email: c.customer.email })}
                >
                  {t("letPost")}
                </button>
              </div>
            ) : (
              <p className="text-slate-600">{t("canPost")}</p>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={!!releasing}
        onOpenChange={(open) => !open && setReleasing(null)}
        title={t("confirmTitle")}
        description={<p>{t("confirmText", { email: releasing?.email ?? "" })}</p>}
        confirmLabel={t("confirm")}
        cancelLabel={t("notNow")}
        confirmDisabled={reason.trim().length < 3 || release.isPending}
        onConfirm={() => releasing && release.mutate({ userId: releasing.userId, reason: reason.trim() })}
      >
        <label className="block text-sm font-medium">
          {t("reason")}
          <input className="mt-1 w-full rounded-lg border px-3 py-2" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        </label>
      </ConfirmDialog>
    </div>
  );
}
