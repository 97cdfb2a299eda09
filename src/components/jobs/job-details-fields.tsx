"use client";
import type { ReactNode } from "react";
import { PinPicker } from "@/components/map/job-map";
import { parseDollars } from "@/lib/dollars-input";
import { LITTER_LABEL, PILE_LABEL, TYPE_LABEL } from "./labels";

const SEGMENTS = ["N", "S", "E", "W"] as const;

/** What a customer describes about a yard: the same for a one-off job and a recurring cleanup. */
export type JobDetails = {
  pin: { lat: number; lng: number };
  address: string;
  /** Dollars as typed, so "12." survives while typing. */
  price: string;
  type: keyof typeof TYPE_LABEL;
  pile: keyof typeof PILE_LABEL;
  litter: keyof typeof LITTER_LABEL;
  segments: (typeof SEGMENTS)[number][];
  publicNotes: string;
  accessNotes: string;
};

export const DEFAULT_JOB_DETAILS: JobDetails = {
  pin: { lat: 40.6782, lng: -73.9442 },
  address: "",
  price: "25",
  type: "POOP",
  pile: "PILES_1_3",
  litter: "LIGHT",
  segments: ["N"],
  publicNotes: "",
  accessNotes: "",
};

/** Limits of the notes, as the server's schema sets them (src/server/jobs/post-job.ts; recurring: 1000). */
export const NOTES_MAX = 2000;

/** The typed price in cents, or 0 while it is not an amount (the field says why; `priceError` blocks posting). */
export const priceCentsOf = (d: JobDetails) => {
  const p = parseDollars(d.price);
  return p.ok ? p.cents : 0;
};

/** Words for a price that is not an amount yet ("-5", "abc"); null when it is one. */
export const priceError = (d: JobDetails) => {
  const p = parseDollars(d.price);
  return p.ok ? null : p.error;
};

/** The fields as the server's schemas take them (pile estimate / litter level only where the type needs them). */
export function jobDetailsInput(d: JobDetails) {
  return {
    address: d.address, lat: d.pin.lat, lng: d.pin.lng, priceCents: priceCentsOf(d), type: d.type, yardSegments: d.segments,
    pileEstimate: d.type === "LITTER" ? null : d.pile,
    litterLevel: d.type === "POOP" ? null : d.litter,
    publicNotes: d.publicNotes || null, accessNotes: d.accessNotes || null,
  };
}

/** The form fields for JobDetails; `priceHint` says what the price means where the form is used. */
export function JobDetailsFields(props: {
  value: JobDetails;
  onChange: (next: JobDetails) => void;
  errors: Record<string, string[] | undefined>;
  priceLabel?: string;
  priceHint: ReactNode;
  /** Characters allowed in each notes field (one-off jobs 2000, recurring cleanups 1000). */
  notesMax?: number;
}) {
  const d = props.value;
  const set = <K extends keyof JobDetails>(key: K, v: JobDetails[K]) => props.onChange({ ...d, [key]: v });
  const input = "w-full rounded-lg border border-slate-300 px-3 py-2";
  const err = (name: string) => props.errors[name]?.[0] && <p className="text-xs text-red-700" role="alert">{props.errors[name]?.[0]}</p>;
  const notesMax = props.notesMax ?? NOTES_MAX;
  const typedPriceError = priceError(d);
  return (
    <>
      <div className="h-64 overflow-hidden rounded-lg border">
        <PinPicker value={d.pin} onChange={(pin) => set("pin", pin)} />
      </div>
      <p className="text-xs text-slate-600">Tap the map or drag the pin onto the yard.</p>
      <label className="block space-y-1">
        <span className="text-sm font-medium">Address</span>
        <input className={input} value={d.address} onChange={(e) => set("address", e.target.value)} autoComplete="street-address" required />
        {err("address")}
      </label>
      <label className="block space-y-1">
        <span className="text-sm font-medium">{props.priceLabel ?? "Price (USD)"}</span>
        <input className={input} inputMode="decimal" value={d.price} onChange={(e) => set("price", e.target.value)} aria-invalid={!!typedPriceError} />
        <span className="block text-xs text-slate-600">{props.priceHint}</span>
        {typedPriceError ? <p className="text-xs text-red-700" role="alert">{typedPriceError}</p> : err("priceCents")}
      </label>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">What needs cleaning</legend>
        <div className="flex gap-2">
          {Object.entries(TYPE_LABEL).map(([v, l]) => (
            <label key={v} className={`rounded-lg border px-3 py-2 text-sm ${d.type === v ? "border-brand-600 bg-brand-50" : ""}`}>
              <input type="radio" name="type" className="sr-only" checked={d.type === v} onChange={() => set("type", v as JobDetails["type"])} /> {l}
            </label>
          ))}
        </div>
      </fieldset>
      {d.type !== "LITTER" && (
        <>
          <select aria-label="Pile estimate" className={input} value={d.pile} onChange={(e) => set("pile", e.target.value as JobDetails["pile"])}>
            {Object.entries(PILE_LABEL).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
          {err("pileEstimate")}
        </>
      )}
      {d.type !== "POOP" && (
        <>
          <select aria-label="Litter level" className={input} value={d.litter} onChange={(e) => set("litter", e.target.value as JobDetails["litter"])}>
            {Object.entries(LITTER_LABEL).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
          {err("litterLevel")}
        </>
      )}
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Parts of the yard</legend>
        <div className="flex gap-2">
          {SEGMENTS.map((s) => (
            <label key={s} className={`rounded-lg border px-4 py-2 ${d.segments.includes(s) ? "border-brand-600 bg-brand-50" : ""}`}>
              <input
                type="checkbox"
                className="sr-only"
                checked={d.segments.includes(s)}
                onChange={(e) => set("segments", e.target.checked ? [...d.segments, s] : d.segments.filter((x) => x !== s))}
              />
              {s}
            </label>
          ))}
        </div>
        {err("yardSegments")}
      </fieldset>
      <NotesField label="Notes for scoopers (shown on the board)" value={d.publicNotes} max={notesMax} onChange={(v) => set("publicNotes", v)} error={err("publicNotes")} />
      <NotesField
        label="Private access notes: gate code, where the key is (only the scooper who claims it sees this)"
        value={d.accessNotes}
        max={notesMax}
        onChange={(v) => set("accessNotes", v)}
        error={err("accessNotes")}
      />
    </>
  );
}

/** A notes box that shows its limit before it is hit ("12/2000") and lets the server's words show under it. */
function NotesField(props: { label: string; value: string; max: number; onChange: (v: string) => void; error: ReactNode }) {
  const over = props.value.length > props.max;
  return (
    <label className="block space-y-1">
      <span className="text-sm font-medium">{props.label}</span>
      <textarea className="w-full rounded-lg border border-slate-300 px-3 py-2" value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-invalid={over} />
      <span className={`block text-right text-xs ${over ? "font-semibold text-red-700" : "text-slate-600"}`} aria-live="polite">
        {props.value.length}/{props.max}
        {over && ` · ${props.value.length - props.max} too many`}
      </span>
      {props.error}
    </label>
  );
}
