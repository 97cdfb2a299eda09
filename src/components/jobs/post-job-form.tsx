"use client";
import Link from "next/link";
import { useState } from "react";
import { fieldErrors } from "@/components/accounts/errors";
import { formatCents, takeHomeCents } from "@/lib/money";
import { api } from "@/trpc/react";
import { formatDateTime } from "@/lib/format-date";
import { DEFAULT_JOB_DETAILS, JobDetailsFields, jobDetailsInput, priceCentsOf, priceError } from "./job-details-fields";
import { JobPaymentPanel } from "./job-payment-panel";
import { PhotoUploader } from "./photo-uploader";
import { SavedYardPicker } from "@/components/yards/saved-yard-picker";

/**
 * Post a job. The form keeps its state through validation errors; once posted, before photos upload against
 * the new job one by one (each with progress and retry), so a failed photo never loses the form.
 */
/** `platformFeePercent`: the rate a job posted now is given (and keeps), so the preview is what the scooper gets. */
export function PostJobForm({ expiryHours, platformFeePercent }: { expiryHours: number; platformFeePercent: number }) {
  const [details, setDetails] = useState(DEFAULT_JOB_DETAILS);
  const post = api.jobs.post.useMutation();
  const [paid, setPaid] = useState(false);
  const priceCents = priceCentsOf(details);

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

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (priceError(details)) return; // the price field already says why
        post.mutate(jobDetailsInput(details));
      }}
    >
      <SavedYardPicker onPick={setDetails} />
      <JobDetailsFields
        value={details}
        onChange={setDetails}
        errors={fieldErrors(post.error)}
        priceHint={`The scooper takes home ${formatCents(takeHomeCents(priceCents, platformFeePercent))} after the ${platformFeePercent}% platform fee. $5–$500.`}
      />
      <p className="text-xs text-slate-600">Unclaimed jobs expire {expiryHours} hours after posting. You can add before photos next.</p>
      {post.error && !post.error.data?.zodError && <p className="text-sm text-red-700">{post.error.message}</p>}
      <button disabled={post.isPending} className="w-full rounded-lg bg-brand-600 py-3 font-semibold text-white disabled:opacity-60">
        {post.isPending ? "Posting…" : `Post for ${formatCents(priceCents)}`}
      </button>
    </form>
  );
}
