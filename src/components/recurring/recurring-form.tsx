"use client";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { fieldErrors, formError, showServerErrors } from "@/components/accounts/errors";
import * as details from "@/components/jobs/job-details-fields";
import { formatCents } from "@/lib/money";
import { createRecurringSchema, RECURRING_NOTES_MAX, type CreateRecurringInput } from "@/lib/schemas/recurring";
import { CardPayment } from "@/components/payments/card-payment";
import { api, type RouterOutputs } from "@/trpc/react";
import { FREQUENCY_LABEL } from "./labels";
import { ServiceDates } from "./service-dates";
import { SavedYardPicker } from "@/components/yards/saved-yard-picker";

type Recurring = RouterOutputs["recurring"]["byId"];
type Frequency = keyof typeof FREQUENCY_LABEL;

/** The form's values: the job details plus the schedule, named as the server's input (src/lib/schemas/recurring.ts). */
type RecurringValues = details.JobDetailsValues & { postalCode: string; frequency: Frequency; firstServiceDate: string; preferredScooperId: string };

function valuesOf(r: Recurring): RecurringValues {
  return {
    lat: r.lat, lng: r.lng, address: r.address, price: (r.priceCents / 100).toFixed(2), type: r.type,
    pileEstimate: r.pileEstimate ?? details.DEFAULT_JOB_DETAILS.pileEstimate, litterLevel: r.litterLevel ?? details.DEFAULT_JOB_DETAILS.litterLevel,
    yardSegments: r.yardSegments, publicNotes: r.publicNotes ?? "", accessNotes: r.accessNotes ?? "",
    // Confirmed when it was created; moving it asks again.
    pinConfirmed: true,
    postalCode: r.postalCode ?? "",
    frequency: r.frequency, firstServiceDate: r.firstServiceDate, preferredScooperId: r.preferredScooperId ?? "",
  };
}

const recurringInput = (v: RecurringValues) => ({
  ...details.jobDetailsInput(v), postalCode: v.postalCode.trim() || null, frequency: v.frequency, firstServiceDate: v.firstServiceDate, preferredScooperId: v.preferredScooperId || null,
});

/**
 * Create a recurring cleanup, or edit one (`existing`): the job details, the frequency and the first service
 * date (which sets the weekday), with the next five service dates previewed live from the server's schedule
 * maths before saving. Edits apply from the next service date; jobs already generated keep their details.
 */
/** `generationTime`: when each service date's job is posted (RECURRING_GENERATION_TIME, "HH:MM" in APP_TIMEZONE). */
export function RecurringForm({ earliestFirstDate, generationTime, existing, onSaved }: { earliestFirstDate: string; generationTime: string; existing?: Recurring; onSaved?: () => void }) {
  const t = useTranslations("recurring");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const form = useForm<RecurringValues, unknown, CreateRecurringInput>({
    mode: "onChange",
    defaultValues: existing
      ? valuesOf(existing)
      : { ...details.DEFAULT_JOB_DETAILS, postalCode: "", frequency: "WEEKLY", firstServiceDate: earliestFirstDate, preferredScooperId: "" },
    resolver: details.jobDetailsResolver(createRecurringSchema, recurringInput),
  });
  const [frequency, firstDate, preferred, price] = useWatch({ control: form.control, name: ["frequency", "firstServiceDate", "preferredScooperId", "price"] });
  const choices = api.recurring.preferredScooperChoices.useQuery();
  const preview = api.recurring.preview.useQuery({ frequency, firstServiceDate: firstDate }, { enabled: /^\d{4}-\d{2}-\d{2}$/.test(firstDate), placeholderData: (p) => p });
  const utils = api.useUtils();
  // Stripe: the first visit is paid now, in the card form; the ledger bills each visit as its job is posted.
  const create = api.recurring.create.useMutation({
    onSuccess: (r) => !r.payment && router.push(`/recurring/${r.id}`),
    onError: (e) => showServerErrors(form.setError, e, details.JOB_DETAILS_RENAME),
  });
  const update = api.recurring.update.useMutation({
    onSuccess: async () => {
      await utils.recurring.invalidate();
      onSaved?.();
    },
  });
  const mutation = existing ? update : create;
  const errors = form.formState.errors;
  // An edit's input is `{ id, data }`: the server's words for it arrive under `data` and show above the button.
  const nestedErrors = fieldErrors(update.error).data;
  const earliest = preview.data?.earliestFirstDate ?? earliestFirstDate;
  // An unchanged schedule may keep a first date in the past; a new one starts no earlier than the next generation.
  const scheduleUnchanged = existing && existing.firstServiceDate === firstDate && existing.frequency === frequency;

  if (create.data?.payment) {
    const { id } = create.data;
    return (
      <div className="space-y-4">
        <p className="rounded-lg bg-amber-50 p-3 text-amber-800">
          {t("form.payFirst", { amount: formatCents(create.data.priceCents, locale) })}
        </p>
        <CardPayment
          {...create.data.payment}
          submitLabel={t("form.payAndStart", { amount: formatCents(create.data.priceCents, locale) })}
          returnPath={`/recurring/${id}`}
          onPaid={async () => router.push(`/recurring/${id}`)}
        />
      </div>
    );
  }

  return (
    <FormProvider {...form}>
    <form
      className="space-y-4"
      noValidate
      onSubmit={form.handleSubmit((data) => (existing ? update.mutate({ id: existing.id, data }) : create.mutate(data)))}
    >
      {!existing && <SavedYardPicker onPick={(picked, yard) => form.reset({ ...form.getValues(), ...picked, postalCode: yard.postalCode ?? "" })} />}
      <details.JobDetailsFields
        notesMax={RECURRING_NOTES_MAX}
        priceLabel={t("form.price")}
        priceHint={t("form.priceHint", { range: details.priceRange(locale) })}
      />
      <label className="block space-y-1">
        <span className="text-sm font-medium">{t("form.zip")}</span>
        <input className="w-full rounded-lg border border-slate-300 px-3 py-2" inputMode="numeric" autoComplete="postal-code" aria-invalid={!!errors.postalCode} {...form.register("postalCode")} />
        <span className="block text-xs text-slate-600">{t("form.zipHint")}</span>
        {errors.postalCode?.message && <p className="text-xs text-red-700" role="alert">{errors.postalCode.message}</p>}
      </label>
      <label className="block space-y-1">
        <span className="text-sm font-medium">{t("form.frequency")}</span>
        <select className="w-full rounded-lg border border-slate-300 px-3 py-2" {...form.register("frequency")}>
          {Object.keys(FREQUENCY_LABEL).map((v) => <option key={v} value={v}>{t(`frequency.${v}`)}</option>)}
        </select>
        {errors.frequency?.message && <p className="text-xs text-red-700" role="alert">{errors.frequency.message}</p>}
      </label>
      <label className="block space-y-1">
        <span className="text-sm font-medium">{t("form.firstDate")}</span>
        <input
          type="date"
          className="w-full rounded-lg border border-slate-300 px-3 py-2"
          min={scheduleUnchanged ? undefined : earliest}
          aria-invalid={!!errors.firstServiceDate}
          {...form.register("firstServiceDate")}
        />
        <span className="block text-xs text-slate-600">{t("form.firstDateHint", { time: generationTime })}</span>
        {errors.firstServiceDate?.message && <p className="text-xs text-red-700" role="alert">{errors.firstServiceDate.message}</p>}
      </label>
      <label className="block space-y-1">
        <span className="text-sm font-medium">{t("form.preferred")}</span>
        <select
          className="w-full rounded-lg border border-slate-300 px-3 py-2"
          data-testid="preferred-scooper"
          {...form.register("preferredScooperId")}
        >
          <option value="">{t("form.anyone")}</option>
          {/* A preference chosen earlier stays selectable even if that scooper is no longer offered. */}
          {preferred && choices.data && !choices.data.some((c) => c.id === preferred) && <option value={preferred}>{t("form.currentPreferred")}</option>}
          {choices.data?.map((c) => (
            <option key={c.id} value={c.id}>
              {t("form.scooperChoice", { name: c.name ?? "", count: c.jobsDone })}
            </option>
          ))}
        </select>
        <span className="block text-xs text-slate-600">
          {choices.data?.length === 0
            ? t("form.noChoices")
            : t("form.choicesHint")}
        </span>
        {errors.preferredScooperId?.message && <p className="text-xs text-red-700" role="alert">{errors.preferredScooperId.message}</p>}
      </label>
      <section className="space-y-1">
        <h2 className="text-sm font-medium">{t("form.nextDates")}</h2>
        {preview.error ? <p className="text-sm text-red-700">{preview.error.message}</p> : <ServiceDates dates={preview.data?.dates ?? []} locale={locale} empty={t("form.chooseFirst")} />}
      </section>
      {/* Nested errors on edit ({ id, data }) flatten to one key, so they show here rather than per field. */}
      {nestedErrors && <p className="text-sm text-red-700" role="alert">{nestedErrors.join(" ")}</p>}
      {mutation.error && !nestedErrors && <p className="text-sm text-red-700" role="alert">{formError(mutation.error)}</p>}
      <button disabled={mutation.isPending} className="w-full rounded-lg bg-brand-600 py-3 font-semibold text-white disabled:opacity-60">
        {mutation.isPending ? t("form.saving") : existing ? t("form.saveChanges") : t("form.startFor", { amount: formatCents(details.priceCentsOf(price), locale) })}
      </button>
    </form>
    </FormProvider>
  );
}
