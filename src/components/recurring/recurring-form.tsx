"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { fieldErrors, formError } from "@/components/accounts/errors";
import { SavedYardPicker } from "@/components/yards/saved-yard-picker";
import { DEFAULT_JOB_DETAILS, JobDetailsFields, jobDetailsInput, priceCentsOf, priceError, type JobDetails } from "@/components/jobs/job-details-fields";
import { formatCents } from "@/lib/money";
import { CardPayment } from "@/components/payments/card-payment";
import { api, type RouterOutputs } from "@/trpc/react";
import { FREQUENCY_LABEL } from "./labels";
import { ServiceDates } from "./service-dates";

type Recurring = RouterOutputs["recurring"]["byId"];
type Frequency = keyof typeof FREQUENCY_LABEL;

function detailsOf(r: Recurring): JobDetails {
  return {
    pin: { lat: r.lat, lng: r.lng }, address: r.address, price: (r.priceCents / 100).toFixed(2), type: r.type,
    pile: r.pileEstimate ?? DEFAULT_JOB_DETAILS.pile, litter: r.litterLevel ?? DEFAULT_JOB_DETAILS.litter,
    segments: r.yardSegments, publicNotes: r.publicNotes ?? "", accessNotes: r.accessNotes ?? "",
  };
}

/**
 * Create a recurring cleanup, or edit one (`existing`): the job details, the frequency and the first service
 * date (which sets the weekday), with the next five service dates previewed live from the server's schedule
 * maths before saving. Edits apply from the next service date; jobs already generated keep their details.
 */
export function RecurringForm({ earliestFirstDate, existing, onSaved }: { earliestFirstDate: string; existing?: Recurring; onSaved?: () => void }) {
  const router = useRouter();
  const [details, setDetails] = useState<JobDetails>(existing ? detailsOf(existing) : DEFAULT_JOB_DETAILS);
  const [frequency, setFrequency] = useState<Frequency>(existing?.frequency ?? "WEEKLY");
  const [firstDate, setFirstDate] = useState(existing?.firstServiceDate ?? earliestFirstDate);
  const [preferred, setPreferred] = useState(existing?.preferredScooperId ?? "");
  const [postalCode, setPostalCode] = useState(existing?.postalCode ?? "");
  const choices = api.recurring.preferredScooperChoices.useQuery();
  const preview = api.recurring.preview.useQuery({ frequency, firstServiceDate: firstDate }, { enabled: /^\d{4}-\d{2}-\d{2}$/.test(firstDate), placeholderData: (p) => p });
  const utils = api.useUtils();
  // Stripe: the first visit is paid now, in the card form; the ledger bills each visit as its job is posted.
  const create = api.recurring.create.useMutation({ onSuccess: (r) => !r.payment && router.push(`/recurring/${r.id}`) });
  const update = api.recurring.update.useMutation({
    onSuccess: async () => {
      await utils.recurring.invalidate();
      onSaved?.();
    },
  });
  const mutation = existing ? update : create;
  const errors = fieldErrors(mutation.error);
  const earliest = preview.data?.earliestFirstDate ?? earliestFirstDate;
  // An unchanged schedule may keep a first date in the past; a new one starts no earlier than the next generation.
  const scheduleUnchanged = existing && existing.firstServiceDate === firstDate && existing.frequency === frequency;

  if (create.data?.payment) {
    const { id } = create.data;
    return (
      <div className="space-y-4">
        <p className="rounded-lg bg-amber-50 p-3 text-amber-800">
          Pay for the first visit ({formatCents(create.data.priceCents)}) to start. After that each visit is billed the day before it
          (monthly: at the end of the month before), and you get a reminder three days ahead.
        </p>
        <CardPayment
          {...create.data.payment}
          submitLabel={`Pay ${formatCents(create.data.priceCents)} and start`}
          returnPath={`/recurring/${id}`}
          onPaid={async () => router.push(`/recurring/${id}`)}
        />
      </div>
    );
  }

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (priceError(details)) return; // the price field already says why
        const data = { ...jobDetailsInput(details), postalCode: postalCode.trim() || null, frequency, firstServiceDate: firstDate, preferredScooperId: preferred || null };
        if (existing) update.mutate({ id: existing.id, data });
        else create.mutate(data);
      }}
    >
      {!existing && <SavedYardPicker onPick={(picked, yard) => (setDetails(picked), setPostalCode(yard.postalCode ?? ""))} />}
      <JobDetailsFields
        notesMax={1000}
        value={details}
        onChange={setDetails}
        errors={errors}
        priceLabel="Price per visit (USD)"
        priceHint="Charged for each cleanup, not per month. $5–$500."
      />
      <label className="block space-y-1">
        <span className="text-sm font-medium">ZIP code (optional: tells you when bad weather skips a visit in your area)</span>
        <input className="w-full rounded-lg border border-slate-300 px-3 py-2" inputMode="numeric" autoComplete="postal-code" value={postalCode} onChange={(e) => setPostalCode(e.target.value)} />
        {errors.postalCode?.[0] && <p className="text-xs text-red-700" role="alert">{errors.postalCode[0]}</p>}
      </label>
      <label className="block space-y-1">
        <span className="text-sm font-medium">Frequency</span>
        <select className="w-full rounded-lg border border-slate-300 px-3 py-2" value={frequency} onChange={(e) => setFrequency(e.target.value as Frequency)}>
          {Object.entries(FREQUENCY_LABEL).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
        {errors.frequency?.[0] && <p className="text-xs text-red-700" role="alert">{errors.frequency[0]}</p>}
      </label>
      <label className="block space-y-1">
        <span className="text-sm font-medium">First service date</span>
        <input
          type="date"
          className="w-full rounded-lg border border-slate-300 px-3 py-2"
          min={scheduleUnchanged ? undefined : earliest}
          value={firstDate}
          onChange={(e) => setFirstDate(e.target.value)}
          required
        />
        <span className="block text-xs text-slate-600">Its weekday is the cleanup day. Jobs are posted at 06:00 on each service date.</span>
        {errors.firstServiceDate?.[0] && <p className="text-xs text-red-700" role="alert">{errors.firstServiceDate[0]}</p>}
      </label>
      <label className="block space-y-1">
        <span className="text-sm font-medium">Preferred scooper (optional)</span>
        <select
          className="w-full rounded-lg border border-slate-300 px-3 py-2"
          value={preferred}
          onChange={(e) => setPreferred(e.target.value)}
          data-testid="preferred-scooper"
        >
          <option value="">Anyone (no preference)</option>
          {/* A preference chosen earlier stays selectable even if that scooper is no longer offered. */}
          {preferred && choices.data && !choices.data.some((c) => c.id === preferred) && <option value={preferred}>Your current preferred scooper</option>}
          {choices.data?.map((c) => (
            <option key={c.id} value={c.id}>
              ★ {c.name} ({c.jobsDone} {c.jobsDone === 1 ? "job" : "jobs"} for you)
            </option>
          ))}
        </select>
        <span className="block text-xs text-slate-600">
          {choices.data?.length === 0
            ? "Once a scooper has done a job for you, you can pick them here."
            : "Each visit is offered to them alone first, then to everyone."}
        </span>
        {errors.preferredScooperId?.[0] && <p className="text-xs text-red-700" role="alert">{errors.preferredScooperId[0]}</p>}
      </label>
      <section className="space-y-1">
        <h2 className="text-sm font-medium">Next five service dates</h2>
        {preview.error ? <p className="text-sm text-red-700">{preview.error.message}</p> : <ServiceDates dates={preview.data?.dates ?? []} empty="Choose a first service date." />}
      </section>
      {/* Nested errors on edit ({ id, data }) flatten to one key, so they show here rather than per field. */}
      {errors.data && <p className="text-sm text-red-700" role="alert">{errors.data.join(" ")}</p>}
      {mutation.error && !mutation.error.data?.zodError && <p className="text-sm text-red-700" role="alert">{formError(mutation.error)}</p>}
      <button disabled={mutation.isPending} className="w-full rounded-lg bg-brand-600 py-3 font-semibold text-white disabled:opacity-60">
        {mutation.isPending ? "Saving…" : existing ? "Save changes" : `Start for ${formatCents(priceCentsOf(details))} per visit`}
      </button>
    </form>
  );
}
