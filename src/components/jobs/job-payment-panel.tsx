"use client";
import { CardPayment } from "@/components/payments/card-payment";
import { formatCents } from "@/lib/money";
import { api } from "@/trpc/react";

/** On the poster's page of a job waiting for its payment: the card form again (a closed tab loses nothing). */
export function JobPaymentPanel({ jobId, priceCents, onPaid }: { jobId: string; priceCents: number; onPaid: () => Promise<unknown> }) {
  const form = api.jobs.paymentForm.useQuery({ jobId }, { retry: false });
  const confirm = api.jobs.confirmPayment.useMutation({ onSuccess: onPaid });
  if (form.isLoading) return null;
  if (!form.data) {
    return <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-800">Waiting for your payment to be confirmed…</p>;
  }
  return (
    <div className="space-y-2 rounded-lg border p-3" data-testid="job-payment">
      <p className="text-sm text-slate-700">This job goes on the map once {formatCents(priceCents)} is held on your card.</p>
      <CardPayment {...form.data} submitLabel={`Hold ${formatCents(priceCents)} and post`} returnPath={`/jobs/${jobId}`} onPaid={() => confirm.mutateAsync({ jobId })} />
      {confirm.error && <p className="text-sm text-red-700" role="alert">{confirm.error.message}</p>}
    </div>
  );
}
