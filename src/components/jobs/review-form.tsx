"use client";
import { useState } from "react";
import { formatCents } from "@/lib/money";
import type { JobDetail } from "@/server/jobs/dto";
import { api } from "@/trpc/react";

/** The poster's rating (1–5), comment and optional tip after confirming; once per job. */
export function ReviewForm({ jobId, onDone }: { jobId: string; onDone: () => void }) {
  const [rating, setRating] = useState(5);
  const [comment, setComment] = useState("");
  const [tip, setTip] = useState("");
  const leave = api.reviews.leave.useMutation({ onSuccess: onDone });
  const tipCents = Math.round(Number(tip || 0) * 100);
  return (
    <form className="space-y-2 rounded-lg border p-3" onSubmit={(e) => (e.preventDefault(), leave.mutate({ jobId, rating, comment: comment || null, tipCents }))}>
      <div className="text-sm font-medium">Rate the scooper</div>
      <div className="flex gap-1" role="radiogroup" aria-label="Rating">
        {[1, 2, 3, 4, 5].map((n) => (
          <button key={n} type="button" role="radio" aria-checked={rating === n} aria-label={`${n} stars`} className={`text-2xl ${n <= rating ? "text-amber-500" : "text-slate-300"}`} onClick={() => setRating(n)}>
            ★
          </button>
        ))}
      </div>
      <textarea className="w-full rounded-lg border px-3 py-2" rows={2} placeholder="Comment (optional)" value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1000} />
      <label className="block text-sm">
        Tip in dollars (optional, all to the scooper)
        <input className="mt-1 w-32 rounded-lg border px-2 py-1" inputMode="decimal" value={tip} onChange={(e) => setTip(e.target.value.replace(/[^\d.]/g, ""))} />
      </label>
      {leave.error && <p className="text-sm text-red-700">{leave.error.message}</p>}
      <button type="submit" className="w-full rounded-lg bg-brand-600 py-3 font-semibold text-white disabled:opacity-60" disabled={leave.isPending || !Number.isFinite(tipCents)}>
        Send review{tipCents > 0 ? ` and ${formatCents(tipCents)} tip` : ""}
      </button>
    </form>
  );
}

export function ReviewSummary({ review }: { review: NonNullable<JobDetail["review"]> }) {
  return (
    <p className="text-sm" data-testid="review">
      Rated {review.rating}/5{review.tipCents > 0 && ` · tipped ${formatCents(review.tipCents)}`}
      {review.comment && ` · “${review.comment}”`}
    </p>
  );
}
