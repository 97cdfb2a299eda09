"use client";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { formError, showServerErrors } from "@/components/accounts/errors";
import { durationWords } from "@/lib/duration-words";
import { formatDateTime } from "@/lib/format-date";
import { formatCents, jobCancellationFeeCents, takeHomeCents, type FeeRates } from "@/lib/money";
import { postJobInputSchema, type PostJobInput } from "@/lib/schemas/jobs";
import { api } from "@/trpc/react";
import * as details from "./job-details-fields";
import { cancelTermsKey } from "./job-words";
import { JobPaymentPanel } from "./job-payment-panel";
import { PhotoUploader } from "./photo-uploader";
import { SavedYardPicker } from "@/components/yards/saved-yard-picker";

/** The rules a job posted now is given (and keeps): what the summary promises is what happens. */
export type PostingTerms = FeeRates & { expirySeconds: number; autoConfirmSeconds: number };

/** "24 hours", "90 minutes": a setting's length in the largest whole unit, in the `post` catalogue's words. */
function useDuration() {
  const t = useTranslations("post");
  return (seconds: number) => durationWords(t, seconds);
}

/**
 * Post a job. Checked in the browser with the server's schema (src/lib/schemas/jobs.ts) plus the form's own rules
 * (a typed amount, a confirmed pin); a payment summary says what is held, when it is charged and what cancelling
 * costs before anything is sent. Once posted, before photos upload against the new job one by one (each with
 * progress and retry), so a failed photo never loses the form.
 */
export function PostJobForm({ terms }: { terms: PostingTerms }) {
  const t = useTranslations("post");
  const locale = useLocale() as Locale;
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
          {t("posted", { until: formatDateTime(post.data.expiresAt, { locale }) })}
        </p>
        <PhotoUploader jobId={post.data.id} kind="BEFORE" />
        <Link href={`/jobs/${post.data.id}`} className="inline-block rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white">
          {t("viewJob")}
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
          priceHint={`${t("summary.scooper", { takeHome: formatCents(takeHomeCents(priceCents, terms.platformFeePercent), locale), percent: terms.platformFeePercent })} ${details.priceRange(locale)}`}
        />
        <PaymentSummary priceCents={priceCents} terms={terms} />
        <p className="text-xs text-slate-600">{t("photosNext")}</p>
        {topError && <p className="text-sm text-red-700" role="alert">{topError}</p>}
        <button disabled={post.isPending} className="w-full rounded-lg bg-brand-600 py-3 font-semibold text-white disabled:opacity-60">
          {post.isPending ? t("posting") : t("postFor", { amount: formatCents(priceCents, locale) })}
        </button>
      </form>
    </FormProvider>
  );
}

/** Before posting: the total, what is held, when it is charged and the cancellation terms, from the rates the job will keep. */
function PaymentSummary({ priceCents, terms }: { priceCents: number; terms: PostingTerms }) {
  const t = useTranslations("post");
  const locale = useLocale() as Locale;
  const duration = useDuration();
  const total = formatCents(priceCents, locale);
  return (
    <section className="space-y-1 rounded-lg border border-slate-300 bg-slate-50 p-3 text-sm" aria-labelledby="payment-summary" data-testid="payment-summary">
      <h2 id="payment-summary" className="flex justify-between font-semibold">
        <span>{t("summary.title")}</span>
        <span>
          {t("summary.total", { total })}
        </span>
      </h2>
      <ul className="list-disc space-y-1 pl-5 text-slate-700">
        <li>{t("summary.held", { total })}</li>
        <li>{t("summary.charged", { after: duration(terms.autoConfirmSeconds) })}</li>
        <li>{t("summary.unclaimed", { within: duration(terms.expirySeconds) })}</li>
        <li>
          {t(`summary.${cancelTermsKey(terms.cancellationFeePercent, terms.minCancelFeeCents)}`, {
            fee: formatCents(jobCancellationFeeCents({ priceCents, ...terms }, false), locale),
            percent: terms.cancellationFeePercent,
            min: formatCents(Math.min(priceCents, terms.minCancelFeeCents), locale),
          })}
        </li>
      </ul>
    </section>
  );
}
