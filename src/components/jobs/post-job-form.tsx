"use client";
import Link from "next/link";
import { useState } from "react";
import { PinPicker } from "@/components/map/job-map";
import { formatCents, takeHomeCents } from "@/lib/money";
import { api } from "@/trpc/react";
import { LITTER_LABEL, PILE_LABEL, TYPE_LABEL } from "./labels";
import { PhotoUploader } from "./photo-uploader";

const SEGMENTS = ["N", "S", "E", "W"] as const;

/**
 * Post a job. The form keeps its state through validation errors; once posted, before photos upload against
 * the new job one by one (each with progress and retry), so a failed photo never loses the form.
 */
export function PostJobForm({ expiryHours }: { expiryHours: number }) {
  const [pin, setPin] = useState({ lat: 40.6782, lng: -73.9442 });
  const [address, setAddress] = useState("");
  const [price, setPrice] = useState("25");
  const [type, setType] = useState<keyof typeof TYPE_LABEL>("POOP");
  const [pile, setPile] = useState<keyof typeof PILE_LABEL>("PILES_1_3");
  const [litter, setLitter] = useState<keyof typeof LITTER_LABEL>("LIGHT");
  const [segments, setSegments] = useState<(typeof SEGMENTS)[number][]>(["N"]);
  const [publicNotes, setPublicNotes] = useState("");
  const [accessNotes, setAccessNotes] = useState("");
  const post = api.jobs.post.useMutation();
  const priceCents = Math.round(Number(price || 0) * 100);
  const fieldErrors = (post.error?.data?.zodError?.fieldErrors ?? {}) as Record<string, string[] | undefined>;

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

  const input = "w-full rounded-lg border border-slate-300 px-3 py-2";
  const err = (name: string) => fieldErrors[name]?.[0] && <p className="text-xs text-red-700">{fieldErrors[name]?.[0]}</p>;
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        post.mutate({
          address, lat: pin.lat, lng: pin.lng, priceCents, type, yardSegments: segments,
          pileEstimate: type === "LITTER" ? null : pile,
          litterLevel: type === "POOP" ? null : litter,
          publicNotes: publicNotes || null, accessNotes: accessNotes || null,
        });
      }}
    >
      <div className="h-64 overflow-hidden rounded-lg border">
        <PinPicker value={pin} onChange={setPin} />
      </div>
      <p className="text-xs text-slate-600">Tap the map or drag the pin onto the yard.</p>
      <label className="block space-y-1">
        <span className="text-sm font-medium">Address</span>
        <input className={input} value={address} onChange={(e) => setAddress(e.target.value)} autoComplete="street-address" required />
        {err("address")}
      </label>
      <label className="block space-y-1">
        <span className="text-sm font-medium">Price (USD)</span>
        <input className={input} inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value.replace(/[^0-9.]/g, ""))} />
        <span className="block text-xs text-slate-600">
          The scooper takes home {formatCents(takeHomeCents(priceCents))} after the 15% platform fee. $5–$500.
        </span>
        {err("priceCents")}
      </label>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">What needs cleaning</legend>
        <div className="flex gap-2">
          {Object.entries(TYPE_LABEL).map(([v, l]) => (
            <label key={v} className={`rounded-lg border px-3 py-2 text-sm ${type === v ? "border-brand-600 bg-brand-50" : ""}`}>
              <input type="radio" name="type" className="sr-only" checked={type === v} onChange={() => setType(v as typeof type)} /> {l}
            </label>
          ))}
        </div>
      </fieldset>
      {type !== "LITTER" && (
        <select aria-label="Pile estimate" className={input} value={pile} onChange={(e) => setPile(e.target.value as typeof pile)}>
          {Object.entries(PILE_LABEL).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      )}
      {type !== "POOP" && (
        <select aria-label="Litter level" className={input} value={litter} onChange={(e) => setLitter(e.target.value as typeof litter)}>
          {Object.entries(LITTER_LABEL).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      )}
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Parts of the yard</legend>
        <div className="flex gap-2">
          {SEGMENTS.map((s) => (
            <label key={s} className={`rounded-lg border px-4 py-2 ${segments.includes(s) ? "border-brand-600 bg-brand-50" : ""}`}>
              <input type="checkbox" className="sr-only" checked={segments.includes(s)} onChange={(e) => setSegments((all) => (e.target.checked ? [...all, s] : all.filter((x) => x !== s)))} />
              {s}
            </label>
          ))}
        </div>
        {err("yardSegments")}
      </fieldset>
      <textarea className={input} placeholder="Notes for scoopers (shown on the board)" value={publicNotes} onChange={(e) => setPublicNotes(e.target.value)} />
      <textarea className={input} placeholder="Private access notes: gate code, where the key is (only the scooper who claims it sees this)" value={accessNotes} onChange={(e) => setAccessNotes(e.target.value)} />
      <p className="text-xs text-slate-600">Unclaimed jobs expire {expiryHours} hours after posting. You can add before photos next.</p>
      {post.error && !post.error.data?.zodError && <p className="text-sm text-red-700">{post.error.message}</p>}
      <button disabled={post.isPending} className="w-full rounded-lg bg-brand-600 py-3 font-semibold text-white disabled:opacity-60">
        {post.isPending ? "Posting…" : `Post for ${formatCents(priceCents)}`}
      </button>
    </form>
  );
}
