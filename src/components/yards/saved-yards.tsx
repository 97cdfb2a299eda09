"use client";
import { useState } from "react";
import { FormProvider, useForm } from "react-hook-form";
import { formError, showServerErrors } from "@/components/accounts/errors";
import {
  DEFAULT_JOB_DETAILS, DETAILS_WORDS, JOB_DETAILS_RENAME, JobDetailsFields, jobDetailsInput, jobDetailsResolver, type JobDetailsValues,
} from "@/components/jobs/job-details-fields";
import { TYPE_LABEL } from "@/components/jobs/labels";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatCents } from "@/lib/money";
import { MAX_DOGS, savedYardInputSchema, YARD_LABEL_MAX, type SavedYardInput } from "@/lib/schemas/yards";
import { YARD_NOTES_MAX } from "@/lib/yards";
import { api } from "@/trpc/react";
import { yardFormDetails, type SavedYard } from "./yard-details";

/** The customer's saved yards: list, add, edit, delete. Jobs already posted from a yard keep their own copy. */
export function SavedYards() {
  const yards = api.yards.list.useQuery();
  const [editing, setEditing] = useState<SavedYard | "new" | null>(null);
  if (yards.isLoading) return <p className="text-slate-600">Loading…</p>;
  if (editing) return <YardForm existing={editing === "new" ? null : editing} onDone={() => setEditing(null)} />;
  return (
    <div className="space-y-4">
      <button type="button" className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white" onClick={() => setEditing("new")}>
        Add a yard
      </button>
      {yards.data?.length === 0 && <p className="text-slate-600">No saved yards yet. Save one and pick it when you post a job or start a recurring cleanup.</p>}
      <ul className="divide-y" data-testid="saved-yards">
        {yards.data?.map((y) => <YardRow key={y.id} yard={y} onEdit={() => setEditing(y)} />)}
      </ul>
    </div>
  );
}

function YardRow({ yard: y, onEdit }: { yard: SavedYard; onEdit: () => void }) {
  const utils = api.useUtils();
  const remove = api.yards.delete.useMutation({ onSuccess: () => void utils.yards.list.invalidate() });
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-3">
      <span className="min-w-0">
        <span className="block font-medium">{y.label}</span>
        <span className="block truncate text-sm text-slate-700">{y.address}{y.postalCode ? ` ${y.postalCode}` : ""}</span>
        <span className="block text-xs text-slate-600">
          {TYPE_LABEL[y.type]} · {formatCents(y.priceCents)} · {y.dogCount} dog{y.dogCount === 1 ? "" : "s"}{y.unsafeDog ? " · unsafe dog" : ""}
        </span>
      </span>
      <span className="flex gap-2">
        <button type="button" className="rounded-lg border px-3 py-1.5 text-sm font-semibold" onClick={onEdit}>Edit</button>
        <ConfirmDialog
          title={`Delete ${y.label}?`}
          tone="danger"
          confirmLabel="Delete the yard"
          cancelLabel="Keep it"
          onConfirm={() => remove.mutate({ id: y.id })}
          description={<p>Jobs and recurring cleanups already set up from it keep their details.</p>}
          trigger={<button type="button" className="rounded-lg border border-red-300 px-3 py-1.5 text-sm font-semibold text-red-700">Delete</button>}
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
        <h2 className="text-lg font-semibold">{existing ? `Edit ${existing.label}` : "Add a yard"}</h2>
        <label className="block space-y-1">
          <span className="text-sm font-medium">Name</span>
          <input className={input} placeholder="Home" maxLength={YARD_LABEL_MAX} aria-invalid={!!errors.label} {...form.register("label")} />
          {err(errors.label?.message)}
        </label>
        <JobDetailsFields notesMax={YARD_NOTES_MAX} priceLabel="Usual price (USD)" priceHint={`Filled in when you post from this yard; ${DETAILS_WORDS.priceRange}`} />
        <label className="block space-y-1">
          <span className="text-sm font-medium">ZIP code</span>
          <input className={input} inputMode="numeric" autoComplete="postal-code" aria-invalid={!!errors.postalCode} {...form.register("postalCode")} />
          {err(errors.postalCode?.message)}
        </label>
        <div className="flex flex-wrap items-end gap-4">
          <label className="block space-y-1">
            <span className="text-sm font-medium">Dogs</span>
            <input className="w-24 rounded-lg border border-slate-300 px-3 py-2" type="number" min={0} max={MAX_DOGS} aria-invalid={!!errors.dogCount} {...form.register("dogCount")} />
            {err(errors.dogCount?.message)}
          </label>
          <label className="flex items-center gap-2 pb-2">
            <input type="checkbox" {...form.register("unsafeDog")} />
            <span className="text-sm">A dog here is unsafe for strangers (scoopers are warned)</span>
          </label>
        </div>
        {mutation.error && <p className="text-sm text-red-700" role="alert">{formError(mutation.error)}</p>}
        <div className="flex gap-2">
          <button type="submit" disabled={mutation.isPending} className="flex-1 rounded-lg bg-brand-600 py-3 font-semibold text-white disabled:opacity-60">
            {mutation.isPending ? "Saving…" : "Save the yard"}
          </button>
          <button type="button" className="rounded-lg border px-4 py-3 font-semibold" onClick={onDone}>Cancel</button>
        </div>
      </form>
    </FormProvider>
  );
}
