"use client";
import { formatDateTime } from "@/lib/format-date";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formError } from "@/components/accounts/errors";
import { Notice, TextInput } from "@/components/ui/form";
import type { Locale } from "@/lib/i18n/locales";
import { formatCents } from "@/lib/money";
import { api } from "@/trpc/react";
import { EnumSelect } from "./enum-select";

type SubStatus = "ACTIVE" | "PAUSED" | "CANCELLED";
const SUB_STATUSES = ["ACTIVE", "PAUSED", "CANCELLED"] as const;

type SubT = (key: string, values?: Record<string, string | number>) => string;

/** "paused until 2026-12-01 (account blocked)". */
function statusWords(t: SubT, s: { status: SubStatus; pausedUntil: string | null; pauseReason: string | null }) {
  return (
    t(`subscriptions.statusWord.${s.status}`) +
    (s.pausedUntil ? t("subscriptions.until", { date: s.pausedUntil }) : "") +
    (s.pauseReason === "ACCOUNT_BLOCKED" ? t("subscriptions.accountBlocked") : "")
  );
}

export function SubscriptionsAdmin() {
  const t = useTranslations("admin");
  const locale = useLocale() as Locale;
  const [status, setStatus] = useState<SubStatus | "">("");
  const [customerEmail, setCustomerEmail] = useState("");
  const subs = api.adminSubscriptions.list.useQuery({ status: status || null, customerEmail });
  return (
    <div className="space-y-4">
      <div className="grid gap-2 md:grid-cols-2">
        <EnumSelect
          label={t("subscriptions.statusFilter")}
          anyLabel={t("subscriptions.anyStatus")}
          options={SUB_STATUSES.map((s) => [s, t(`subscriptions.filter.${s}`)] as const)}
          value={status}
          onChange={setStatus}
        />
        <TextInput aria-label={t("subscriptions.customerLabel")} placeholder={t("subscriptions.customerPlaceholder")} value={customerEmail} onChange={(e) => setCustomerEmail(e.target.value)} />
      </div>
      {subs.error && <Notice tone="error">{formError(subs.error)}</Notice>}
      <div className="overflow-x-auto">
        <table className="table-cards w-full text-left text-sm">
          <thead className="text-xs uppercase text-slate-500">
            <tr><th className="py-2">{t("subscriptions.customer")}</th><th>{t("subscriptions.address")}</th><th>{t("subscriptions.schedule")}</th><th>{t("subscriptions.price")}</th><th>{t("subscriptions.status")}</th><th>{t("subscriptions.next")}</th></tr>
          </thead>
          <tbody>
            {subs.data?.map((s) => (
              <tr key={s.id} className="border-t align-top" data-testid="admin-subscription-row">
                <td data-label={t("subscriptions.customer")} className="py-2">{s.customerEmail}</td>
                <td data-label={t("subscriptions.address")}><Link href={`/admin/subscriptions/${s.id}`} className="text-brand-700 underline">{s.address}</Link></td>
                <td data-label={t("subscriptions.schedule")}>{t("subscriptions.scheduleText", { frequency: s.frequency, date: s.firstServiceDate })}</td>
                <td data-label={t("subscriptions.price")}>{formatCents(s.priceCents, locale)}</td>
                <td data-label={t("subscriptions.status")}>{statusWords(t, s)}</td>
                <td data-label={t("subscriptions.next")}>{s.nextServiceDates[0] ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {subs.data?.length === 0 && <p className="py-4 text-sm text-slate-600">{t("subscriptions.empty")}</p>}
      </div>
    </div>
  );
}

export function AdminSubscriptionDetail({ id }: { id: string }) {
  const t = useTranslations("admin");
  const tj = useTranslations("jobs");
  const locale = useLocale() as Locale;
  const utils = api.useUtils();
  const q = api.adminSubscriptions.byId.useQuery({ id }, { retry: false });
  const refresh = () => Promise.all([utils.adminSubscriptions.byId.invalidate({ id }), utils.adminSubscriptions.list.invalidate()]);
  const pause = api.adminSubscriptions.pause.useMutation({ onSuccess: refresh });
  const resume = api.adminSubscriptions.resume.useMutation({ onSuccess: refresh });
  const [reason, setReason] = useState("");
  const [until, setUntil] = useState("");
  if (q.error) return <Notice tone="error">{formError(q.error)}</Notice>;
  const s = q.data;
  if (!s) return <p className="text-sm text-slate-600">{t("loading")}</p>;
  const error = pause.error ?? resume.error;
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="text-slate-500">{t("subscriptions.customer")}</dt><dd>{s.customerEmail}</dd>
        <dt className="text-slate-500">{t("subscriptions.address")}</dt><dd>{s.address}</dd>
        <dt className="text-slate-500">{t("subscriptions.schedule")}</dt><dd>{t("subscriptions.scheduleText", { frequency: s.frequency, date: s.firstServiceDate })}</dd>
        <dt className="text-slate-500">{t("subscription.pricePerVisit")}</dt><dd>{formatCents(s.priceCents, locale)}</dd>
        <dt className="text-slate-500">{t("subscriptions.status")}</dt><dd data-testid="subscription-status">{statusWords(t, s)}</dd>
        <dt className="text-slate-500">{t("subscription.accessNotes")}</dt><dd>{s.accessNotes ?? "—"}</dd>
        <dt className="text-slate-500">{t("subscription.nextDates")}</dt><dd data-testid="subscription-next">{s.nextServiceDates.join(", ") || t("subscription.noneScheduled")}</dd>
        <dt className="text-slate-500">{t("subscription.billing")}</dt>
        <dd data-testid="subscription-billing">
          {/* Stripe's own status words (past_due, open…) are shown as Stripe says them. */}
          {!s.billing
            ? t("subscription.billingNone")
            : s.billing.provider === "ledger"
              ? t("subscription.billingLedger")
              : t("subscription.billingStripe", { status: s.billing.status.toLowerCase().replace("_", " ") }) +
                (s.billing.lastInvoiceStatus ? t("subscription.lastInvoice", { status: s.billing.lastInvoiceStatus.replace("_", " ") }) : "") +
                (s.billing.nextBillingAt ? t("subscription.nextBilling", { when: formatDateTime(s.billing.nextBillingAt, { locale }) }) : "") +
                t("subscription.unused", { count: s.billing.prepaidVisitsAvailable })}
        </dd>
      </dl>
      {s.status !== "CANCELLED" && (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (s.status === "PAUSED") resume.mutate({ id, reason });
            else pause.mutate({ id, reason, until: until || null });
          }}
        >
          <label className="flex-1 text-sm">
            <span className="block font-medium">{t("subscription.reasonLabel")}</span>
            <TextInput value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t("subscription.reason")} />
          </label>
          {s.status === "ACTIVE" && (
            <label className="text-sm">
              <span className="block font-medium">{t("subscription.untilLabel")}</span>
              <TextInput type="date" value={until} onChange={(e) => setUntil(e.target.value)} aria-label={t("subscription.pauseUntil")} />
            </label>
          )}
          <button type="submit" className="rounded-lg border px-4 py-2.5" disabled={pause.isPending || resume.isPending}>
            {s.status === "PAUSED" ? t("subscription.resume") : t("subscription.pause")}
          </button>
        </form>
      )}
      {error && <Notice tone="error">{formError(error)}</Notice>}
      <section>
        <h2 className="mb-2 font-semibold">{t("subscription.latest")}</h2>
        <ul className="text-sm">
          {s.recentJobs.map((j) => (
            <li key={j.id}>
              <Link href={`/admin/jobs/${j.id}`} className="text-brand-700 underline">{j.serviceDate ?? j.id}</Link> · {tj(`status.${j.status}`)}
            </li>
          ))}
          {s.recentJobs.length === 0 && <li className="text-slate-600">{t("noneYet")}</li>}
        </ul>
      </section>
    </div>
  );
}
