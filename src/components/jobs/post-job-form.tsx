"use client";
import Link from "next/link";
import { useState } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { formError, showServerErrors } from "@/components/accounts/errors";
import { formatDateTime } from "@/lib/format-date";
import { formatCents, jobCancellationFeeCents, takeHomeCents, type FeeRates } from "@/lib/money";
import { postJobInputSchema, type PostJobInput } from "@/lib/schemas/jobs";
import { api } from "@/trpc/react";
import * as details from "./job-details-fields";
import { JobPaymentPanel } from "./job-payment-panel";
import { PhotoUploader } from "./photo-uploader";
import { SavedYardPicker } from "@/components/yards/saved-yard-picker";

/** The rules a job posted now is given (and keeps): what the summary promises is what happens. */
export type PostingTerms = FeeRates & { expirySeconds: number; autoConfirmSeconds: number };

/** "24 hours", "90 minutes": a setting's length in the largest whole unit. */
const duration = (seconds: number) => {
  const [n, unit] = seconds % 3600 === 0 ? [seconds / 3600, "hour"] : [Math.round(seconds / 60), "minute"];
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
};

/** The payment summary's words, in one place. */
const SUMMARY_WORDS = {
  title: "What you pay",
  total: "Total",
  held: (total: string) => `${total} is held on your card when you post. Nothing is charged yet.`,
  charged: (autoConfirm: number) =>
    `You are charged when you confirm the work, or automatically ${duration(autoConfirm)} after the scooper marks it done unless you report a problem.`,
  unclaimed: (expiry: number) => `Nobody claims it within ${duration(expiry)}: the hold is released and you pay nothing.`,
  cancel: (fee: string, pct: number, min: string) =>
    `Cancel free until a scooper claims it. After that the scooper is paid ${pct}% (${fee}) for their time, at least ${min} once they are on their way.`,
  scooper: (takeHome: string, pct: number) => `The scooper takes home ${takeHome} after the ${pct}% platform fee.`,
};

/**
 * Post a job. Checked in the browser with the server's schema (src/lib/schemas/jobs.ts) plus the form's own rules
 * (a typed amount, a confirmed pin); a payment summary says what is held, when it is charged and what cancelling
 * costs before anything is sent. Once posted, before photos upload against the new job one by one (each with
 * progress and retry), so a failed photo never loses the form.
 */
export function PostJobForm({ terms }: { terms: PostingTerms }) {
  const form = useForm<details.JobDetailsValues, unknown, PostJobInput>({
    mode: "onChange",
    defaultValues: details.DEFAULT_JOB_DETAILS,
    resolver: details.jobDetailsResolver(postJobInputSchema, details.jobDetailsInput),
  });
  const post = api.jobs.post.useMutation({ onError: (e) => showServerErrors(form.setError, e, details.JOB_DETAILS_RENAME) });
  const [paid, setPaid] = useState(false);
  const priceCents = details.priceCentsOf(useWatch({ control: form.control, name: "price" }));

  // Stripe: the job waits for the card before it goes on the map.
  if (post.data?.status === "AWAITING_PAYMENT" && !paid) {
    return <JobPaymentPanel jobId={post.data.id} priceCents={priceCents} initialForm={post.data.payment} onPaid={async () => setPaid(true)} />;
  }

  if (post.data) {
    return (
      <div className="space-y-4">
        <p className="rounded-lg bg-brand-50 p-3 text-brand-700">
          Posted. It stays on the map until {formatDateTime(post.data.expiresAt)} unless a scooper claims it.
        </p>
        <PhotoUploader jobId={post.data.id} kind="BEFORE" />
        <Link href={`/jobs/${post.data.id}`} className="inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white">
          View the job
        </Link>
      </div>
    );
  }

  const topError = post.error && !post.error.data?.zodError && !("issues" in (post.error.data ?? {})) ? formError(post.error) : null;
  return (
    <FormProvider {...form}>
      <form className="space-y-4" noValidate onSubmit={form.handleSubmit((input) => post.mutate(input))}>
        <SavedYardPicker onPick={(picked) => form.reset({ ...form.getValues(), ...picked })} />
        <details.JobDetailsFields
          priceHint={`${SUMMARY_WORDS.scooper(formatCents(takeHomeCents(priceCents, terms.platformFeePercent)), terms.platformFeePercent)} ${details.DETAILS_WORDS.priceRange}`}
        />
        <PaymentSummary priceCents={priceCents} terms={terms} />
        <p className="text-xs text-slate-600">You can add before photos next.</p>
        {topError && <p className="text-sm text-red-700" role="alert">{topError}</p>}
        <button disabled={post.isPending} className="w-full rounded-lg bg-brand-600 py-3 font-semibold text-white disabled:opacity-60">
          {post.isPending ? "Posting…" : `Post for ${formatCents(priceCents)}`}
        </button>
      </form>
    </FormProvider>
  );
}

/** Before posting: the total, what is held, when it is charged and the cancellation terms, from the rates the job will keep. */
function PaymentSummary({ priceCents, terms }: { priceCents: number; terms: PostingTerms }) {
  const total = formatCents(priceCents);
  return (
    <section className="space-y-1 rounded-lg border border-slate-300 bg-slate-50 p-3 text-sm" aria-labelledby="payment-summary" data-testid="payment-summary">
      <h2 id="payment-summary" className="flex justify-between font-semibold">
        <span>{SUMMARY_WORDS.title}</span>
        <span>
          {SUMMARY_WORDS.total} {total}
        </span>
      </h2>
      <ul className="list-disc space-y-1 pl-5 text-slate-700">
        <li>{SUMMARY_WORDS.held(total)}</li>
        <li>{SUMMARY_WORDS.charged(terms.autoConfirmSeconds)}</li>
        <li>{SUMMARY_WORDS.unclaimed(terms.expirySeconds)}</li>
        <li>
          {SUMMARY_WORDS.cancel(
            formatCents(jobCancellationFeeCents({ priceCents, ...terms }, false)),
            terms.cancellationFeePercent,
            formatCents(Math.min(priceCents, terms.minCancelFeeCents)),
          )}
        </li>
      </ul>
    </section>
  );
}
