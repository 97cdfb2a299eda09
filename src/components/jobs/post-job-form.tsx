"use client";
import Link from "next/link";
import { useState } from "react";
import { fieldErrors } from "@/components/accounts/errors";
import { formatCents, takeHomeCents } from "@/lib/money";
import { CardPayment } from "@/components/payments/card-payment";
import { api } from "@/trpc/react";
import { DEFAULT_JOB_DETAILS, JobDetailsFields, jobDetailsInput, priceCentsOf } from "./job-details-fields";
import { PhotoUploader } from "./photo-uploader";

/**
 * Post a job. The form keeps its state through validation errors; once posted, before photos upload against
 * the new job one by one (each with progress and retry), so a failed photo never loses the form.
 */
export function PostJobForm({ expiryHours }: { expiryHours: number }) {
  const [details, setDetails] = useState(DEFAULT_JOB_DETAILS);
  const post = api.jobs.post.useMutation();
  const confirmPayment = api.jobs.confirmPayment.useMutation();
  const priceCents = priceCentsOf(details);

  // Stripe: the job waits for the card before it goes on the map.
  if (post.data?.status === "AWAITING_PAYMENT" && post.data.payment && confirmPayment.data?.status !== "OPEN") {
    const { id } = post.data;
    return (
      <div className="space-y-4">
        <p className="rounded-lg bg-amber-50 p-3 text-amber-800">
          Almost there: {formatCents(priceCents)} is held on your card when you post (charged only when you confirm the work). The job
          goes on the map once the card is accepted.
        </p>
        <CardPayment
          {...post.data.payment}
          submitLabel={`Hold ${formatCents(priceCents)} and post`}
          returnPath={`/jobs/${id}`}
          onPaid={() => confirmPayment.mutateAsync({ jobId: id })}
        />
        {confirmPayment.error && <p className="text-sm text-red-700" role="alert">{confirmPayment.error.message}</p>}
      </div>
    );
  }

  if (post.data) {
    return (
      <div className="space-y-4">
        <p className="rounded-lg bg-brand-50 p-3 text-brand-700">
          Posted. It stays on the map until {post.data.expiresAt.toLocaleString()} unless a scooper claims it.
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
        post.mutate(jobDetailsInput(details));
      }}
    >
      <JobDetailsFields
        value={details}
        onChange={setDetails}
        errors={fieldErrors(post.error)}
        priceHint={`The scooper takes home ${formatCents(takeHomeCents(priceCents))} after the 15% platform fee. $5–$500.`}
      />
      <p className="text-xs text-slate-600">Unclaimed jobs expire {expiryHours} hours after posting. You can add before photos next.</p>
      {post.error && !post.error.data?.zodError && <p className="text-sm text-red-700">{post.error.message}</p>}
      <button disabled={post.isPending} className="w-full rounded-lg bg-brand-600 py-3 font-semibold text-white disabled:opacity-60">
        {post.isPending ? "Posting…" : `Post for ${formatCents(priceCents)}`}
      </button>
    </form>
  );
}
