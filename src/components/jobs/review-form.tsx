"use client";
import { useLocale, useTranslations } from "next-intl";
import { Controller, useForm, useWatch } from "react-hook-form";
import { formError, showServerErrors } from "@/components/accounts/errors";
import { inputResolver } from "@/components/ui/schema-resolver";
import { dollarsErrorKey, parseDollars } from "@/lib/dollars-input";
import { formatCents } from "@/lib/money";
import { formatDateTime } from "@/lib/format-date";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { Locale } from "@/lib/i18n/locales";
import { addTipInputSchema, leaveReviewInputSchema, REVIEW_COMMENT_MAX, TIP_MAX_CENTS } from "@/lib/schemas/reviews";
import { api, type RouterOutputs } from "@/trpc/react";

type JobDetail = RouterOutputs["jobs"]["byId"];

/** What the poster fills in: the tip as typed, in dollars; no rating until they choose one. */
type ReviewValues = { rating: number | null; comment: string; tip: string };

const tipOf = (tip: string) => (tip.trim() ? parseDollars(tip) : ({ ok: true, cents: 0 } as const));

const tipError = (t: (key: ReturnType<typeof dollarsErrorKey>) => string, tip: ReturnType<typeof tipOf>) =>
  tip.ok ? undefined : t(dollarsErrorKey(tip.error));

/**
 * The poster's rating (1–5), comment and optional tip after confirming; once per job. No rating is chosen for
 * them: the form asks for one. Checked with the server's schema (src/lib/schemas/reviews.ts), so a tip over the
 * limit or a long comment is refused on its field, in words, before anything is sent.
 */
export function ReviewForm({ jobId, onDone }: { jobId: string; onDone: () => void }) {
  const t = useTranslations("jobs");
  const tv = useTranslations("validation");
  const locale = useLocale() as Locale;
  const form = useForm<ReviewValues, unknown, { jobId: string; rating: number; comment?: string | null; tipCents: number }>({
    mode: "onChange",
    defaultValues: { rating: null, comment: "", tip: "" },
    resolver: inputResolver(
      leaveReviewInputSchema,
      (v: ReviewValues) => {
        const tip = tipOf(v.tip);
        return {
          input: { jobId, rating: v.rating ?? 0, comment: v.comment || null, tipCents: tip.ok ? tip.cents : 0 },
          errors: { rating: v.rating === null ? t("review.chooseRating") : undefined, tip: tipError(tv, tip) },
        };
      },
      { tipCents: "tip" },
    ),
  });
  const leave = api.reviews.leave.useMutation({ onSuccess: onDone, onError: (e) => showServerErrors(form.setError, e, { tipCents: "tip" }) });
  const errors = form.formState.errors;
  const [tip, comment] = useWatch({ control: form.control, name: ["tip", "comment"] });
  const typed = tipOf(tip);
  const tipCents = typed.ok ? typed.cents : 0;
  const topError = leave.error && !errors.tip && !errors.comment && !errors.rating ? formError(leave.error) : null;
  return (
    <form className="space-y-3 rounded-lg border p-3" noValidate onSubmit={form.handleSubmit((input) => leave.mutate(input))}>
      <Controller
        control={form.control}
        name="rating"
        render={({ field }) => (
          <fieldset>
            <legend className="text-sm font-medium">{t("review.rateScooper")}</legend>
            <div className="flex gap-1" role="radiogroup" aria-label={t("review.rating")} aria-describedby={errors.rating ? "rating-error" : undefined}>
              {[1, 2, 3, 4, 5].map((n) => (
                <button
                  key={n}
                  type="button"
                  role="radio"
                  aria-checked={field.value === n}
                  aria-label={t("review.stars", { count: n })}
                  className={`text-3xl leading-none ${field.value !== null && n <= field.value ? "text-amber-600" : "text-slate-400"}`}
                  onClick={() => (field.onChange(n), form.clearErrors("rating"))}
                >
                  ★
                </button>
              ))}
            </div>
            {errors.rating?.message && <p id="rating-error" className="text-sm text-red-700" role="alert">{errors.rating.message}</p>}
          </fieldset>
        )}
      />
      <label className="block text-sm">
        <span className="font-medium">{t("review.comment")}</span>
        <textarea className="mt-1 w-full rounded-lg border px-3 py-2" rows={2} maxLength={REVIEW_COMMENT_MAX} {...form.register("comment")} />
        <span className="block text-right text-xs text-slate-600">{comment.length}/{REVIEW_COMMENT_MAX}</span>
        {errors.comment?.message && <span className="block text-sm text-red-700" role="alert">{errors.comment.message}</span>}
      </label>
      <label className="block text-sm">
        <span className="font-medium">{t("review.tip")}</span>
        <input className="mt-1 block w-32 rounded-lg border px-2 py-1" inputMode="decimal" aria-invalid={!!errors.tip} {...form.register("tip")} />
        <span className="block text-xs text-slate-600">{t("review.upTo", { amount: formatCents(TIP_MAX_CENTS, locale) })}</span>
        {errors.tip?.message && <span className="block text-sm text-red-700" role="alert">{errors.tip.message}</span>}
      </label>
      {topError && <p className="text-sm text-red-700" role="alert">{topError}</p>}
      <button type="submit" className="w-full rounded-lg bg-brand-700 py-3 font-semibold text-white disabled:opacity-60" disabled={leave.isPending}>
        {tipCents > 0 ? t("review.sendWithTip", { amount: formatCents(tipCents, locale) }) : t("review.send")}
      </button>
    </form>
  );
}

export function ReviewSummary({ review }: { review: NonNullable<JobDetail["review"]> }) {
  const t = useTranslations("jobs");
  const locale = useLocale() as Locale;
  return (
    <p className="text-sm" data-testid="review">
      {review.tipCents > 0
        ? t("review.ratedTipped", { rating: review.rating, amount: formatCents(review.tipCents, locale) })
        : t("review.rated", { rating: review.rating })}
      {review.comment && ` · “${review.comment}”`}
    </p>
  );
}

/**
 * A tip after a review that had none, once, until the review's tip deadline (TIP_WINDOW_SECONDS); the server
 * decides (`reviews.addTip`), this form only says the deadline and the limit before they are hit.
 */
export function AddTipForm({ jobId, until, onDone }: { jobId: string; until: Date; onDone: () => void }) {
  const t = useTranslations("jobs");
  const tv = useTranslations("validation");
  const locale = useLocale() as Locale;
  const form = useForm<{ tip: string }, unknown, { jobId: string; tipCents: number }>({
    mode: "onChange",
    defaultValues: { tip: "" },
    resolver: inputResolver(
      addTipInputSchema,
      (v: { tip: string }) => {
        const tip = tipOf(v.tip);
        return { input: { jobId, tipCents: tip.ok ? tip.cents : 0 }, errors: { tip: tipError(tv, tip) } };
      },
      { tipCents: "tip" },
    ),
  });
  const add = api.reviews.addTip.useMutation({ onSuccess: onDone, onError: (e) => showServerErrors(form.setError, e, { tipCents: "tip" }) });
  const error = form.formState.errors.tip?.message;
  const typed = tipOf(useWatch({ control: form.control, name: "tip" }));
  const topError = add.error && !error ? formError(add.error) : null;
  // The deadline is written in the viewer's time zone: by the browser, after hydration.
  const hydrated = useHydrated();
  return (
    <form className="space-y-2 rounded-lg border p-3" noValidate onSubmit={form.handleSubmit((input) => add.mutate(input))}>
      <label className="block text-sm">
        <span className="font-medium">{t("review.addTipLabel")}</span>
        <input className="mt-1 block w-32 rounded-lg border px-2 py-1" inputMode="decimal" aria-invalid={!!error} {...form.register("tip")} />
        {hydrated && <span className="block text-xs text-slate-600">
          {t("review.tipUntil", { amount: formatCents(TIP_MAX_CENTS, locale), when: formatDateTime(until, { locale }) })}
        </span>}
        {error && <span className="block text-sm text-red-700" role="alert">{error}</span>}
      </label>
      {topError && <p className="text-sm text-red-700" role="alert">{topError}</p>}
      <button type="submit" className="w-full rounded-lg bg-brand-700 py-2 font-semibold text-white disabled:opacity-60" disabled={add.isPending}>
        {typed.ok && typed.cents > 0 ? t("review.tipAmount", { amount: formatCents(typed.cents, locale) }) : t("review.addTip")}
      </button>
    </form>
  );
}
