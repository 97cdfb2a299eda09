"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { formError, showServerErrors } from "@/components/accounts/errors";
import { Field, Notice } from "@/components/ui/form";
import { schemaResolver } from "@/components/ui/schema-resolver";
import { formatDateTime } from "@/lib/format-date";
import type { Locale } from "@/lib/i18n/locales";
import { ATTESTATION_TEXT_MAX, ATTESTATION_TEXT_MIN, attestationCreateSchema, attestationUpdateSchema } from "@/lib/schemas/scooper-onboarding";
import { api, type RouterOutputs } from "@/trpc/react";

type Statement = RouterOutputs["adminAttestations"]["list"][number];
const textarea = "block w-full rounded-lg border border-slate-300 px-3 py-2 text-base";

/** The statements scoopers accept during onboarding: add, reword, mark required, deactivate. Each change is audited. */
export function AttestationsAdmin() {
  const t = useTranslations("admin");
  const list = api.adminAttestations.list.useQuery();
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-700">{t("attestations.intro")}</p>
      <NewStatement />
      {list.isLoading && <p className="text-slate-600">{t("loading")}</p>}
      {list.data?.length === 0 && <p className="text-slate-600">{t("attestations.empty")}</p>}
      <ul className="space-y-3" data-testid="attestation-list">
        {list.data?.map((s) => <StatementRow key={`${s.id}-${s.version}-${s.active}-${s.required}`} statement={s} />)}
      </ul>
    </div>
  );
}

function NewStatement() {
  const t = useTranslations("admin");
  const utils = api.useUtils();
  const form = useForm<z.input<typeof attestationCreateSchema>, unknown, z.output<typeof attestationCreateSchema>>({
    resolver: schemaResolver(attestationCreateSchema),
    defaultValues: { text: "", required: true },
  });
  const create = api.adminAttestations.create.useMutation({
    onSuccess: () => { form.reset(); void utils.adminAttestations.list.invalidate(); },
    onError: (e) => showServerErrors(form.setError, e),
  });
  return (
    <form className="space-y-3 rounded-lg border p-4" noValidate onSubmit={form.handleSubmit((input) => create.mutate(input))}>
      <h2 className="font-semibold">{t("attestations.add")}</h2>
      {formError(create.error) && <Notice tone="error">{formError(create.error)}</Notice>}
      <Field label={t("attestations.wording")} htmlFor="new-text" error={form.formState.errors.text?.message} hint={t("attestations.newHint", { min: ATTESTATION_TEXT_MIN, max: ATTESTATION_TEXT_MAX })}>
        <textarea id="new-text" rows={2} maxLength={ATTESTATION_TEXT_MAX} className={textarea} aria-invalid={!!form.formState.errors.text} {...form.register("text")} />
      </Field>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-5 w-5" {...form.register("required")} /> {t("attestations.requiredBeforeClaiming")}
      </label>
      <button type="submit" disabled={create.isPending} className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white disabled:opacity-60">{t("attestations.submit")}</button>
    </form>
  );
}

function StatementRow({ statement }: { statement: Statement }) {
  const t = useTranslations("admin");
  const locale = useLocale() as Locale;
  const utils = api.useUtils();
  const [editing, setEditing] = useState(false);
  const form = useForm<z.input<typeof attestationUpdateSchema>, unknown, z.output<typeof attestationUpdateSchema>>({
    resolver: schemaResolver(attestationUpdateSchema),
    defaultValues: { id: statement.id, text: statement.text, required: statement.required, active: statement.active },
  });
  const update = api.adminAttestations.update.useMutation({
    onSuccess: () => { setEditing(false); void utils.adminAttestations.list.invalidate(); },
    onError: (e) => showServerErrors(form.setError, e),
  });
  const fieldId = `text-${statement.id}`;
  return (
    <li className="rounded-lg border p-3" data-testid="attestation">
      {editing ? (
        <form className="space-y-3" noValidate onSubmit={form.handleSubmit((input) => update.mutate(input))}>
          {formError(update.error) && <Notice tone="error">{formError(update.error)}</Notice>}
          <Field label={t("attestations.wording")} htmlFor={fieldId} error={form.formState.errors.text?.message} hint={t("attestations.editHint", { min: ATTESTATION_TEXT_MIN, max: ATTESTATION_TEXT_MAX })}>
            <textarea id={fieldId} rows={2} maxLength={ATTESTATION_TEXT_MAX} className={textarea} {...form.register("text")} />
          </Field>
          <div className="flex flex-wrap gap-4 text-sm">
            <label className="flex items-center gap-2"><input type="checkbox" className="h-5 w-5" {...form.register("required")} /> {t("attestations.required")}</label>
            <label className="flex items-center gap-2"><input type="checkbox" className="h-5 w-5" {...form.register("active")} /> {t("attestations.active")}</label>
          </div>
          <div className="flex gap-2">
            <button type="submit" disabled={update.isPending} className="rounded-lg bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60">{t("attestations.save")}</button>
            <button type="button" className="rounded-lg border px-3 py-1.5 text-sm" onClick={() => { form.reset(); setEditing(false); }}>{t("attestations.cancel")}</button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <p className={statement.active ? "" : "text-slate-500 line-through"}>{statement.text}</p>
            <p className="text-xs text-slate-600">
              {t("attestations.facts", {
                version: statement.version,
                required: statement.required ? "yes" : "no",
                active: statement.active ? "yes" : "no",
                when: formatDateTime(statement.updatedAt, { locale }),
              })}
            </p>
          </div>
          <button type="button" className="rounded-lg border px-3 py-1.5 text-sm font-medium" onClick={() => setEditing(true)}>
            {t.rich("attestations.edit", { text: statement.text, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
          </button>
        </div>
      )}
    </li>
  );
}
