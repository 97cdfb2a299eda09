"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useId } from "react";
import type { JobDetailsValues } from "@/components/jobs/job-details-fields";
import { api } from "@/trpc/react";
import { detailsFromYard, type SavedYard } from "./yard-details";

/**
 * "Start from a saved yard" for the post-job and recurring forms: picking one fills the form's own fields
 * (`onPick`), which the customer may still change before posting. Renders a link to /yards when none is saved.
 */
export function SavedYardPicker({ onPick }: { onPick: (details: JobDetailsValues, yard: SavedYard) => void }) {
  const t = useTranslations("yards");
  const yards = api.yards.list.useQuery();
  const id = useId();
  if (!yards.data) return null;
  if (yards.data.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        {t.rich("picker.again", { link: (chunks) => <Link href="/yards" className="font-medium text-brand-700 underline">{chunks}</Link> })}
      </p>
    );
  }
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="text-sm font-medium">{t("picker.startFrom")}</label>
      <select
        id={id}
        className="w-full rounded-lg border border-slate-300 px-3 py-2"
        defaultValue=""
        onChange={(e) => {
          const yard = yards.data.find((y) => y.id === e.target.value);
          if (yard) onPick(detailsFromYard(yard), yard);
        }}
      >
        <option value="" disabled>{t("picker.choose")}</option>
        {yards.data.map((y) => (
          <option key={y.id} value={y.id}>{y.label}: {y.address}</option>
        ))}
      </select>
    </div>
  );
}
