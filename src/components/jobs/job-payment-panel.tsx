"use client";
import { useLocale, useTranslations } from "next-intl";
import { CardPayment } from "@/components/payments/card-payment";
import type { Locale } from "@/lib/i18n/locales";
import { formatCents } from "@/lib/money";
import { api, type RouterOutputs } from "@/trpc/react";

type PaymentForm = NonNullable<RouterOutputs["jobs"]["paymentForm"]>;

/**
 * The card form of a job waiting for its payment: right after posting (`initialForm` from the post) and on the
 * poster's job page (a closed tab loses nothing). Confirming asks the server, which checks with Stripe and opens it.
 */
export function JobPaymentPanel({ jobId, priceCents, initialForm, onPaid }: { jobId: string; priceCents: number; initialForm?: PaymentForm | null; onPaid: () => Promise<unknown> }) {
  const t = useTranslations("jobs");
  const locale = useLocale() as Locale;
  const amount = formatCents(priceCents, locale);
  const form = api.jobs.paymentForm.useQuery({ jobId }, { retry: false, ...(initialForm ? { initialData: initialForm } : {}) });
  const confirm = api.jobs.confirmPayment.useMutation({ onSuccess: (r) => (r.status === "OPEN" ? onPaid() : undefined) });
  if (form.isLoading) return null;
  if (!form.data) {
    return <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-800">{t("paymentPanel.waiting")}</p>;
  }
  return (
    <div className="space-y-2 rounded-lg border p-3" data-testid="job-payment">
      <p className="text-sm text-slate-700">{t("paymentPanel.onMap", { amount })}</p>
      <CardPayment {...form.data} submitLabel={t("paymentPanel.holdAndPost", { amount })} returnPath={`/jobs/${jobId}`} onPaid={() => confirm.mutateAsync({ jobId })} />
      {confirm.error && <p className="text-sm text-red-700" role="alert">{confirm.error.message}</p>}
    </div>
  );
}
