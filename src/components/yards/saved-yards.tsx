"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { FormProvider, useForm } from "react-hook-form";
import { formError, showServerErrors } from "@/components/accounts/errors";
import {
  DEFAULT_JOB_DETAILS, JOB_DETAILS_RENAME, priceRange, JobDetailsFields, jobDetailsInput, jobDetailsResolver, type JobDetailsValues,
} from "@/components/jobs/job-details-fields";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatCents } from "@/lib/money";
import { MAX_DOGS, savedYardInputSchema, YARD_LABEL_MAX, type SavedYardInput } from "@/lib/schemas/yards";
import { YARD_NOTES_MAX } from "@/lib/yards";
import { api } from "@/trpc/react";
import { yardFormDetails, type SavedYard } from "./yard-details";

/** The customer's saved yards: list, add, edit, delete. Jobs already posted from a yard keep their own copy. */
export function SavedYards() {
  const t = useTranslations("yards");
  const yards = api.yards.list.useQuery();
  const [editing, setEditing] = useState<SavedYard | "new" | null>(null);
  if (yards.isLoading) return <p className="text-slate-600">{t("loading")}</p>;
  if (editing) return <YardForm existing={editing === "new" ? null : editing} onDone={() => setEditing(null)} />;
  return (
    <div className="space-y-4">
      <button type="button" className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white" onClick={() => setEditing("new")}>
        {t("add")}
      </button>
      {yards.data?.length === 0 && <p className="text-slate-600">{t("none")}</p>}
      <ul className="divide-y" data-testid="saved-yards">
        {yards.data?.map((y) => <YardRow key={y.id} yard={y} onEdit={() => setEditing(y)} />)}
      </ul>
    </div>
  );
}

function YardRow({ yard: y, onEdit }: { yard: SavedYard; onEdit: () => void }) {
  const t = useTranslations("yards");
  const tj = useTranslations("jobs");
  const locale = useLocale() as Locale;
  const utils = api.useUtils();
  const remove = api.yards.delete.useMutation({ onSuccess: () => void utils.yards.list.invalidate() });
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-3">
      <span className="min-w-0">
        <span className="block font-medium">{y.label}</span>
        <span className="block truncate text-sm text-slate-700">{y.address}{y.postalCode ? ` ${y.postalCode}` : ""}</span>
        <span className="block text-xs text-slate-600">
          {tj(`type.${y.type}`)} · {formatCents(y.priceCents, locale)} · {t("dogs", { count: y.dogCount })}{y.unsafeDog ? ` · ${t("unsafeDog")}` : ""}
        </span>
      </span>
      <span className="flex gap-2">
        <button type="button" className="rounded-lg border px-3 py-1.5 text-sm font-semibold" onClick={onEdit}>{t("edit")}</button>
        <ConfirmDialog
          title={t("deleteTitle", { label: y.label })}
          tone="danger"
          confirmLabel={t("deleteConfirm")}
          cancelLabel={t("keep")}
          onConfirm={() => remove.mutate({ id: y.id })}
          description={<p>{t("deleteNote")}</p>}
          trigger={<button type="button" className="rounded-lg border border-red-300 px-3 py-1.5 text-sm font-semibold text-red-700">{t("delete")}</button>}
        />
      </span>
    </li>
  );
}

type YardValues = JobDetailsValues & { label: string; postalCode: string; dogCount: string; unsafeDog: boolean };

const yardInput = (v: YardValues) => ({
  ...jobDetailsInput(v), label: v.label, postalCode: v.postalCode.trim() || null, dogCount: Number(v.dogCount || 0), unsafeDog: v.unsafeDog,
});

function YardForm({ existing, onDone }: { existing: SavedYard | null; onDone: () => void }) {
  const t = useTranslations("yards");
  const locale = useLocale() as Locale;
  const utils = api.useUtils();
  const form = useForm<YardValues, unknown, SavedYardInput>({
    mode: "onChange",
    defaultValues: existing
      ? { ...yardFormDetails(existing), label: existing.label, postalCode: existing.postalCode ?? "", dogCount: String(existing.dogCount), unsafeDog: existing.unsafeDog }
      : { ...DEFAULT_JOB_DETAILS, label: "", postalCode: "", dogCount: "1", unsafeDog: false },
    resolver: jobDetailsResolver(savedYardInputSchema, yardInput),
  });
  const done = { onSuccess: () => (void utils.yards.list.invalidate(), onDone()) };
  const create = api.yards.create.useMutation({ ...done, onError: (e) => showServerErrors(form.setError, e, JOB_DETAILS_RENAME) });
  const update = api.yards.update.useMutation(done);
  const mutation = existing ? update : create;
  const errors = form.formState.errors;
  const input = "w-full rounded-lg border border-slate-300 px-3 py-2";
  const err = (message: string | undefined) => message && <p className="text-xs text-red-700" role="alert">{message}</p>;
  return (
    <FormProvider {...form}>
      <form
        className="space-y-4"
        noValidate
        onSubmit={form.handleSubmit((data) => (existing ? update.mutate({ id: existing.id, data }) : create.mutate(data)))}
      >
        <h2 className="text-lg font-semibold">{existing ? t("editTitle", { label: existing.label }) : t("add")}</h2>
        <label className="block space-y-1">
          <span className="text-sm font-medium">{t("name")}</span>
          <input className={input} placeholder={t("namePlaceholder")} maxLength={YARD_LABEL_MAX} aria-invalid={!!errors.label} {...form.register("label")} />
          {err(errors.label?.message)}
        </label>
        <JobDetailsFields notesMax={YARD_NOTES_MAX} priceLabel={t("usualPrice")} priceHint={t("priceHint", { range: priceRange(locale) })} />
        <label className="block space-y-1">
          <span className="text-sm font-medium">{t("zip")}</span>
          <input className={input} inputMode="numeric" autoComplete="postal-code" aria-invalid={!!errors.postalCode} {...form.register("postalCode")} />
          {err(errors.postalCode?.message)}
        </label>
        <div className="flex flex-wrap items-end gap-4">
          <label className="block space-y-1">
            <span className="text-sm font-medium">{t("dogsLabel")}</span>
            <input className="w-24 rounded-lg border border-slate-300 px-3 py-2" type="number" min={0} max={MAX_DOGS} aria-invalid={!!errors.dogCount} {...form.register("dogCount")} />
            {err(errors.dogCount?.message)}
          </label>
          <label className="flex items-center gap-2 pb-2">
            <input type="checkbox" {...form.register("unsafeDog")} />
            <span className="text-sm">{t("unsafeDogLabel")}</span>
          </label>
        </div>
        {mutation.error && <p className="text-sm text-red-700" role="alert">{formError(mutation.error)}</p>}
        <div className="flex gap-2">
          <button type="submit" disabled={mutation.isPending} className="flex-1 rounded-lg bg-brand-600 py-3 font-semibold text-white disabled:opacity-60">
            {mutation.isPending ? t("saving") : t("save")}
          </button>
          <button type="button" className="rounded-lg border px-4 py-3 font-semibold" onClick={onDone}>{t("cancel")}</button>
        </div>
      </form>
    </FormProvider>
  );
}
