"use client";
import Link from "next/link";
import { useId } from "react";
import type { JobDetailsValues } from "@/components/jobs/job-details-fields";
import { api } from "@/trpc/react";
import { detailsFromYard, type SavedYard } from "./yard-details";

/**
 * "Start from a saved yard" for the post-job and recurring forms: picking one fills the form's own fields
 * (`onPick`), which the customer may still change before posting. Renders a link to /yards when none is saved.
 */
export function SavedYardPicker({ onPick }: { onPick: (details: JobDetailsValues, yard: SavedYard) => void }) {
  const yards = api.yards.list.useQuery();
  const id = useId();
  if (!yards.data) return null;
  if (yards.data.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        Cleaning the same yard again? <Link href="/yards" className="font-medium text-brand-700 underline">Save your yards</Link> and pick one here next time.
      </p>
    );
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="text-sm font-medium">Start from a saved yard</label>
      <select
        id={id}
        className="w-full rounded-lg border border-slate-300 px-3 py-2"
        defaultValue=""
        onChange={(e) => {
          const yard = yards.data.find((y) => y.id === e.target.value);
          if (yard) onPick(detailsFromYard(yard), yard);
        }}
      >
        <option value="" disabled>Choose a yard…</option>
        {yards.data.map((y) => (
          <option key={y.id} value={y.id}>{y.label}: {y.address}</option>
        ))}
      </select>
    </div>
  );
}
