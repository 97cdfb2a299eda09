"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { useFormContext, useWatch, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import { inputResolver } from "@/components/ui/schema-resolver";
import { PinPicker } from "@/components/map/job-map";
import { dollarsErrorKey, parseDollars } from "@/lib/dollars-input";
import { formatCents } from "@/lib/money";
import { JOB_NOTES_MAX, MAX_PRICE_CENTS, MIN_PRICE_CENTS } from "@/lib/schemas/jobs";
import { api } from "@/trpc/react";
import { LITTER_LABEL, PILE_LABEL, TYPE_LABEL } from "./labels";

const SEGMENTS = ["N", "S", "E", "W"] as const;

/**
 * What a customer describes about a yard: the same for a one-off job and a recurring cleanup. The names are the
 * server's input names (src/lib/schemas/jobs.ts) except `price`, typed in dollars, and `pinConfirmed`, so anything
 * that fills the form (a saved yard) sets `address`, `lat`, `lng`, … with react-hook-form's `setValue`.
 */
export type JobDetailsValues = {
  address: string;
  lat: number;
  lng: number;
  /** Dollars as typed, so "12." survives while typing. */
  price: string;
  type: keyof typeof TYPE_LABEL;
  pileEstimate: keyof typeof PILE_LABEL;
  litterLevel: keyof typeof LITTER_LABEL;
  yardSegments: (typeof SEGMENTS)[number][];
  publicNotes: string;
  accessNotes: string;
  /** The customer has looked at the pin since it last moved: the pin, not the text, is where the scooper goes. */
  pinConfirmed: boolean;
};

export const DEFAULT_JOB_DETAILS: JobDetailsValues = {
  address: "",
  lat: 40.6782,
  lng: -73.9442,
  price: "25",
  type: "POOP",
  pileEstimate: "PILES_1_3",
  litterLevel: "LIGHT",
  yardSegments: ["N"],
  publicNotes: "",
  accessNotes: "",
  pinConfirmed: false,
};

/** The form's own error for an unconfirmed pin: a key of the `post` catalogue (`details.*`), shown translated. */
const PIN_CONFIRM_NEEDED = "details.pinConfirmNeeded";

/** "$5.00–$500.00.": the price range a job may have, in the reader's language. */
export const priceRange = (locale: Locale) => `${formatCents(MIN_PRICE_CENTS, locale)}–${formatCents(MAX_PRICE_CENTS, locale)}.`;

/** The typed price in cents, or 0 while it is not an amount (the field says why). */
export const priceCentsOf = (price: string) => {
  const p = parseDollars(price);
  return p.ok ? p.cents : 0;
};

/** The fields as the server's schemas take them (pile estimate / litter level only where the type needs them). */
export function jobDetailsInput(d: JobDetailsValues) {
  return {
    address: d.address, lat: d.lat, lng: d.lng, priceCents: priceCentsOf(d.price), type: d.type, yardSegments: d.yardSegments,
    pileEstimate: d.type === "LITTER" ? null : d.pileEstimate,
    litterLevel: d.type === "POOP" ? null : d.litterLevel,
    publicNotes: d.publicNotes || null, accessNotes: d.accessNotes || null,
  };
}

/** The form's own checks before the server's schema: an amount that is not one, a pin nobody looked at. */
export function jobDetailsOwnErrors(d: JobDetailsValues): { price?: string; pinConfirmed?: string } {
  const price = parseDollars(d.price);
  return { price: price.ok ? undefined : dollarsErrorKey(price.error), pinConfirmed: d.pinConfirmed ? undefined : PIN_CONFIRM_NEEDED };
}

/** Server fields that the form shows elsewhere: the price is typed in dollars, the coordinates are the pin. */
export const JOB_DETAILS_RENAME = { priceCents: "price", lat: "pinConfirmed", lng: "pinConfirmed" } as const;

/** A form holding the job details checked with `schema` (post or recurring), whose input `toInput` builds. */
export function jobDetailsResolver<V extends JobDetailsValues, S extends z.ZodType<unknown, FieldValues>>(schema: S, toInput: (values: V) => z.input<S>) {
  return inputResolver(schema, (v: V) => ({ input: toInput(v), errors: jobDetailsOwnErrors(v) as Partial<Record<Path<V>, string>> }), JOB_DETAILS_RENAME as unknown as Record<string, Path<V>>);
}

/** How long typing pauses before the address is looked up (a public geocoder allows about one request a second). */
const GEOCODE_PAUSE_MS = 700;

/**
 * The job details fields, inside a react-hook-form `FormProvider` whose values extend JobDetailsValues.
 * `priceHint` says what the price means where the form is used; `notesMax` is the notes limit of its schema.
 */
export function JobDetailsFields(props: { priceLabel?: string; priceHint: ReactNode; notesMax?: number }) {
  const t = useTranslations("post");
  const tj = useTranslations("jobs");
  const tv = useTranslations("validation");
  const form = useFormContext<JobDetailsValues>();
  const { register, setValue, formState } = form;
  const errors = formState.errors;
  const input = "w-full rounded-lg border border-slate-300 px-3 py-2";
  // The form's own errors are catalogue keys (the pin's in `post`, a typed amount's in `validation`); the server's are words.
  const words = (message: string) =>
    message === PIN_CONFIRM_NEEDED ? t(PIN_CONFIRM_NEEDED) : message.startsWith("dollars.") ? tv(message as ReturnType<typeof dollarsErrorKey>) : message;
  const err = (message: string | undefined, id?: string) => message && <p id={id} className="text-xs text-red-700" role="alert">{words(message)}</p>;
  const notesMax = props.notesMax ?? JOB_NOTES_MAX;
  const [type, lat, lng, segments] = useWatch({ control: form.control, name: ["type", "lat", "lng", "yardSegments"] });
  const movePin = (p: { lat: number; lng: number }) => {
    setValue("lat", p.lat, { shouldDirty: true });
    setValue("lng", p.lng, { shouldDirty: true });
    setValue("pinConfirmed", false, { shouldDirty: true });
  };
  const geocode = useAddressPin(movePin, (label) => (label ? t("details.pinFound", { label }) : t("details.pinNotFound")));
  return (
    <>
      <label className="block space-y-1">
        <span className="text-sm font-medium">{t("details.address")}</span>
        <input className={input} autoComplete="street-address" aria-invalid={!!errors.address} {...register("address", { onChange: (e: { target: { value: string } }) => geocode.typed(e.target.value) })} />
        {err(errors.address?.message)}
        {geocode.note && <span className="block text-xs text-slate-700" aria-live="polite" data-testid="geocode-note">{geocode.note}</span>}
      </label>
      <div className="h-64 overflow-hidden rounded-lg border">
        <PinPicker value={{ lat, lng }} onChange={movePin} />
      </div>
      <p className="text-xs text-slate-600">{geocode.enabled ? t("details.pinHelp") : t("details.pinOffline")}</p>
      <label className="flex items-center gap-3 rounded-lg border p-3 text-sm">
        <input type="checkbox" className="h-5 w-5" aria-invalid={!!errors.pinConfirmed} aria-describedby="pin-error" {...register("pinConfirmed")} />
        <span>{t("details.pinConfirm")}</span>
      </label>
      {err(errors.pinConfirmed?.message, "pin-error")}
      <label className="block space-y-1">
        <span className="text-sm font-medium">{props.priceLabel ?? t("details.price")}</span>
        <input className={input} inputMode="decimal" aria-invalid={!!errors.price} {...register("price")} />
        <span className="block text-xs text-slate-600">{props.priceHint}</span>
        {err(errors.price?.message)}
      </label>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("details.what")}</legend>
        <div className="flex flex-wrap gap-2">
          {Object.keys(TYPE_LABEL).map((v) => (
            <label key={v} className={`rounded-lg border px-3 py-2 text-sm ${type === v ? "border-brand-600 bg-brand-50" : ""}`}>
              <input type="radio" className="sr-only" value={v} {...register("type")} /> {tj(`type.${v}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {type !== "LITTER" && (
        <>
          <select aria-label={t("details.pileEstimate")} className={input} {...register("pileEstimate")}>
            {Object.keys(PILE_LABEL).map((v) => <option key={v} value={v}>{tj(`pile.${v}`)}</option>)}
          </select>
          {err(errors.pileEstimate?.message)}
        </>
      )}
      {type !== "POOP" && (
        <>
          <select aria-label={t("details.litterLevel")} className={input} {...register("litterLevel")}>
            {Object.keys(LITTER_LABEL).map((v) => <option key={v} value={v}>{tj(`litter.${v}`)}</option>)}
          </select>
          {err(errors.litterLevel?.message)}
        </>
      )}
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">{t("details.parts")}</legend>
        <div className="flex gap-2">
          {SEGMENTS.map((s) => (
            <label key={s} className={`rounded-lg border px-4 py-2 ${segments.includes(s) ? "border-brand-600 bg-brand-50" : ""}`}>
              <input type="checkbox" className="sr-only" value={s} {...register("yardSegments")} />
              {tj(`segment.${s}`)}
            </label>
          ))}
        </div>
        {err(errors.yardSegments?.message)}
      </fieldset>
      <NotesField name="publicNotes" label={t("details.publicNotes")} max={notesMax} />
      <NotesField name="accessNotes" label={t("details.accessNotes")} max={notesMax} />
    </>
  );
}

/**
 * Looks an address the customer typed up (after a pause in typing) through the server's geocoder and moves the pin
 * to the best match. Only typing triggers it: values set by code (a saved yard with its own pin) stay put. Off when
 * the server has no geocoder, and harmless offline: typing and dragging the pin work as before.
 */
function useAddressPin(movePin: (p: { lat: number; lng: number }) => void, found: (label: string | null) => string) {
  const utils = api.useUtils();
  const [enabled, setEnabled] = useState(true);
  const [note, setNote] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const move = useRef(movePin);
  useEffect(() => {
    move.current = movePin;
  });
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const typed = (address: string) => {
    if (timer.current) clearTimeout(timer.current);
    const query = address.trim();
    if (!enabled || query.length < 5) return;
    timer.current = setTimeout(() => {
      utils.geo.search
        .fetch({ query })
        .then((r) => {
          if (!r.enabled) return setEnabled(false);
          const best = r.results[0];
          if (!best) return setNote(found(null));
          move.current({ lat: best.lat, lng: best.lng });
          setNote(found(best.label));
        })
        .catch(() => setNote(null)); // offline or refused: the pin stays where it is and can still be placed by hand
    }, GEOCODE_PAUSE_MS);
  };
  return { enabled, note, typed };
}

/** A notes box that shows its limit before it is hit ("12/2000") and lets the schema's words show under it. */
function NotesField(props: { name: "publicNotes" | "accessNotes"; label: string; max: number }) {
  const t = useTranslations("post");
  const { register, control, formState } = useFormContext<JobDetailsValues>();
  const length = useWatch({ control, name: props.name }).length;
  const over = length > props.max;
  const error = formState.errors[props.name]?.message;
  return (
    <label className="block space-y-1">
      <span className="text-sm font-medium">{props.label}</span>
      <textarea className="w-full rounded-lg border border-slate-300 px-3 py-2" aria-invalid={over || !!error} {...register(props.name)} />
      <span className={`block text-right text-xs ${over ? "font-semibold text-red-700" : "text-slate-600"}`} aria-live="polite">
        {length}/{props.max}
        {over && ` · ${t("details.tooMany", { count: length - props.max })}`}
      </span>
      {error && <p className="text-xs text-red-700" role="alert">{error}</p>}
    </label>
  );
}
