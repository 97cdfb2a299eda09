"use client";
import { useState } from "react";
import { fieldErrors, formError } from "@/components/accounts/errors";
import { parseDollars } from "@/lib/dollars-input";
import { formatCents } from "@/lib/money";
import type { RouterOutputs } from "@/trpc/react";

type JobDetail = RouterOutputs["jobs"]["byId"];
import { api } from "@/trpc/react";

/** The largest tip the server takes (tipCentsSchema in src/server/reviews/dto.ts), shown before it is hit. */
const TIP_MAX_CENTS = 50_000;

const COMMENT_MAX = 1000; // as src/server/reviews/dto.ts

/**
 * The poster's rating (1–5), comment and optional tip after confirming; once per job. No rating is chosen for
 * them: the form asks for one. Errors land on their fields in words (a tip over the limit, a long comment).
 */
export function ReviewForm({ jobId, onDone }: { jobId: string; onDone: () => void }) {
  const [rating, setRating] = useState<number | null>(null);
  const [ratingMissing, setRatingMissing] = useState(false);
  const [comment, setComment] = useState("");
  const [tip, setTip] = useState("");
  const leave = api.reviews.leave.useMutation({ onSuccess: onDone });
  const tipParsed = tip.trim() ? parseDollars(tip) : ({ ok: true, cents: 0 } as const);
  const tipCents = tipParsed.ok ? tipParsed.cents : 0;
  const errors = fieldErrors(leave.error);
  const topError = leave.error && !errors.tipCents && !errors.comment && !errors.rating ? formError(leave.error) : null;
  return (
    <form
      className="space-y-3 rounded-lg border p-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (rating === null) return setRatingMissing(true);
        if (!tipParsed.ok) return;
        leave.mutate({ jobId, rating, comment: comment || null, tipCents });
      }}
    >
      <fieldset>
        <legend className="text-sm font-medium">Rate the scooper</legend>
        <div className="flex gap-1" role="radiogroup" aria-label="Rating" aria-describedby={ratingMissing ? "rating-error" : undefined}>
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              key={n}
              type="button"
              role="radio"
              aria-checked={rating === n}
              aria-label={n === 1 ? "1 star" : `${n} stars`}
              className={`text-3xl leading-none ${rating !== null && n <= rating ? "text-amber-600" : "text-slate-400"}`}
              onClick={() => (setRating(n), setRatingMissing(false))}
            >
              ★
            </button>
          ))}
        </div>
        {ratingMissing && <p id="rating-error" className="text-sm text-red-700" role="alert">Choose a rating from 1 to 5 stars.</p>}
        {errors.rating?.[0] && <p className="text-sm text-red-700" role="alert">{errors.rating[0]}</p>}
      </fieldset>
      <label className="block text-sm">
        <span className="font-medium">Comment (optional)</span>
        <textarea className="mt-1 w-full rounded-lg border px-3 py-2" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={COMMENT_MAX} />
        <span className="block text-right text-xs text-slate-600">{comment.length}/{COMMENT_MAX}</span>
        {errors.comment?.[0] && <span className="block text-sm text-red-700" role="alert">{errors.comment[0]}</span>}
      </label>
      <label className="block text-sm">
        <span className="font-medium">Tip in dollars (optional, all to the scooper)</span>
        <input className="mt-1 block w-32 rounded-lg border px-2 py-1" inputMode="decimal" value={tip} onChange={(e) => setTip(e.target.value)} aria-invalid={!tipParsed.ok || !!errors.tipCents} />
        <span className="block text-xs text-slate-600">Up to {formatCents(TIP_MAX_CENTS)}.</span>
        {!tipParsed.ok && <span className="block text-sm text-red-700" role="alert">{tipParsed.error}</span>}
        {tipParsed.ok && errors.tipCents?.[0] && <span className="block text-sm text-red-700" role="alert">{errors.tipCents[0]}</span>}
      </label>
      {topError && <p className="text-sm text-red-700" role="alert">{topError}</p>}
      <button type="submit" className="w-full rounded-lg bg-brand-700 py-3 font-semibold text-white disabled:opacity-60" disabled={leave.isPending}>
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
