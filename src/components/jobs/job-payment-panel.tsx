"use client";
import { CardPayment } from "@/components/payments/card-payment";
import { formatCents } from "@/lib/money";
import { api, type RouterOutputs } from "@/trpc/react";

type PaymentForm = NonNullable<RouterOutputs["jobs"]["paymentForm"]>;

/**
 * The card form of a job waiting for its payment: right after posting (`initialForm` from the post) and on the
 * poster's job page (a closed tab loses nothing). Confirming asks the server, which checks with Stripe and opens it.
 */
export function JobPaymentPanel({ jobId, priceCents, initialForm, onPaid }: { jobId: string; priceCents: number; initialForm?: PaymentForm | null; onPaid: () => Promise<unknown> }) {
  const form = api.jobs.paymentForm.useQuery({ jobId }, { retry: false, ...(initialForm ? { initialData: initialForm } : {}) });
  const confirm = api.jobs.confirmPayment.useMutation({ onSuccess: (r) => (r.status === "OPEN" ? onPaid() : undefined) });
  if (form.isLoading) return null;
  if (!form.data) {
    return <p className="rounded-lg bg-amber-50 p-3 text-sm text-amber-800">Waiting for your payment to be confirmed…</p>;
  }
  return (
    <div className="space-y-2 rounded-lg border p-3" data-testid="job-payment">
      <p className="text-sm text-slate-700">This job goes on the map once {formatCents(priceCents)} is held on your card (charged only when you confirm the work).</p>
      <CardPayment {...form.data} submitLabel={`Hold ${formatCents(priceCents)} and post`} returnPath={`/jobs/${jobId}`} onPaid={() => confirm.mutateAsync({ jobId })} />
      {confirm.error && <p className="text-sm text-red-700" role="alert">{confirm.error.message}</p>}
    </div>
  );
}
