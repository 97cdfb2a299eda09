"use client";
import { useRef, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Controller, useForm } from "react-hook-form";
import type { z } from "zod";
import { formError, showServerErrors } from "@/components/accounts/errors";
import { PinPicker } from "@/components/map/job-map";
import { Field, Notice, SubmitButton, TextInput } from "@/components/ui/form";
import { schemaResolver } from "@/components/ui/schema-resolver";
import { DISPLAY_NAME_MAX, DISPLAY_NAME_MIN, SERVICE_RADII_KM, scooperProfileInputSchema } from "@/lib/schemas/scooper-onboarding";
import { megabytesForWords } from "@/lib/megabytes";
import { api, type RouterOutputs } from "@/trpc/react";

type Mine = RouterOutputs["scooperOnboarding"]["mine"];
// Where the pin starts before the scooper moves it: the middle of the board's default view.
const DEFAULT_CENTRE = { lat: 40.6782, lng: -73.9442 };

/**
 * The scooper's onboarding steps before their first claim: the profile (name, photo, service area), the
 * statements admins ask them to accept, and (when it is on) the admin approval. Each step says what is missing.
 */
export function Onboarding({ userId, photoMaxBytes }: { userId: string; photoMaxBytes: number }) {
  const t = useTranslations("onboarding");
  const mine = api.scooperOnboarding.mine.useQuery();
  if (mine.isLoading) return <p className="text-slate-600">{t("loading")}</p>;
  if (!mine.data) return <Notice tone="error">{formError(mine.error) ?? t("loadFailed")}</Notice>;
  const { status } = mine.data;
  return (
    <div className="space-y-8">
      <section aria-labelledby="steps-heading" className="space-y-2">
        <h2 id="steps-heading" className="text-lg font-semibold">{t("steps.title")}</h2>
        <ol className="space-y-1 text-sm" data-testid="onboarding-steps">
          <Step done={status.profileDone} label={t("steps.profile")}
            missing={status.profileDone ? null : t("steps.missingProfile", { items: status.missingProfile.map((m) => t(`steps.missingItem.${m}`)).join(", ") })} />
          <Step done={status.statementsDone} label={t("steps.statements")} missing={status.statementsDone ? null : t("steps.statementsMissing")} />
          {status.approvalRequired && (
            <Step done={status.approved} label={t("steps.approval")} missing={status.approved ? null : t("steps.approvalMissing")} />
          )}
        </ol>
        {status.ready
          ? <Notice tone="success">{t.rich("steps.ready", { link: (c) => <Link className="underline" href="/board">{c}</Link> })}</Notice>
          : <p className="text-sm text-slate-700">{t.rich("steps.meanwhile", { link: (c) => <Link className="underline" href="/board">{c}</Link> })}</p>}
      </section>
      <ProfileStep mine={mine.data} userId={userId} photoMaxBytes={photoMaxBytes} waived={status.profileWaived} />
      <StatementsStep mine={mine.data} />
    </div>
  );
}

function Step({ done, label, missing }: { done: boolean; label: string; missing: string | null }) {
  const t = useTranslations("onboarding");
  return (
    <li className="flex gap-2">
      <span aria-hidden className={done ? "text-green-700" : "text-amber-700"}>{done ? "✓" : "•"}</span>
      <span>
        <span className="font-medium">{label}</span> <span className="sr-only">{done ? t("steps.done") : t("steps.toDo")}</span>
        {missing && <span className="block text-slate-700">{missing}</span>}
      </span>
    </li>
  );
}

type ProfileValues = z.input<typeof scooperProfileInputSchema>;

function ProfileStep({ mine, userId, photoMaxBytes, waived }: { mine: Mine; userId: string; photoMaxBytes: number; waived: boolean }) {
  const t = useTranslations("onboarding");
  const tc = useTranslations("common");
  const utils = api.useUtils();
  const { profile } = mine;
  const form = useForm<ProfileValues, unknown, z.output<typeof scooperProfileInputSchema>>({
    resolver: schemaResolver(scooperProfileInputSchema),
    defaultValues: {
      displayName: profile.displayName ?? "",
      serviceLat: profile.serviceLat ?? DEFAULT_CENTRE.lat,
      serviceLng: profile.serviceLng ?? DEFAULT_CENTRE.lng,
      serviceRadiusKm: profile.serviceRadiusKm ?? 5,
    },
  });
  const save = api.scooperOnboarding.saveProfile.useMutation({
    onSuccess: () => void utils.scooperOnboarding.mine.invalidate(),
    onError: (e) => showServerErrors(form.setError, e),
  });
  const errors = form.formState.errors;
  return (
    <section aria-labelledby="profile-heading" className="space-y-4">
      <h2 id="profile-heading" className="text-lg font-semibold">{t("profile.title")}</h2>
      {waived && <p className="text-sm text-slate-700">{t("profile.waived")}</p>}
      <PhotoField userId={userId} photoVersion={profile.photoVersion} photoMaxBytes={photoMaxBytes} />
      <form className="space-y-4" noValidate onSubmit={form.handleSubmit((input) => save.mutate(input))}>
        {save.isSuccess && <Notice tone="success">{t("profile.saved")}</Notice>}
        {formError(save.error) && <Notice tone="error">{formError(save.error)}</Notice>}
        <Field label={t("profile.displayName")} htmlFor="displayName" error={errors.displayName?.message}
          hint={t("profile.displayNameHint", { min: DISPLAY_NAME_MIN, max: DISPLAY_NAME_MAX })}>
          <TextInput id="displayName" maxLength={DISPLAY_NAME_MAX} aria-invalid={!!errors.displayName} {...form.register("displayName")} />
        </Field>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("profile.serviceArea")}</legend>
          <p className="text-xs text-slate-600">{t("profile.serviceAreaHint")}</p>
          <Controller
            control={form.control}
            name="serviceLat"
            render={({ field }) => (
              <div className="h-56 overflow-hidden rounded-lg border">
                <PinPicker
                  value={{ lat: field.value, lng: form.getValues("serviceLng") }}
                  onChange={(p) => {
                    field.onChange(Math.round(p.lat * 100_000) / 100_000);
                    form.setValue("serviceLng", Math.round(p.lng * 100_000) / 100_000, { shouldDirty: true });
                  }}
                />
              </div>
            )}
          />
          <Field label={t("profile.radius")} htmlFor="serviceRadiusKm" error={errors.serviceRadiusKm?.message} hint={t("profile.radiusHint", { radii: SERVICE_RADII_KM.join(", ") })}>
            <select id="serviceRadiusKm" className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 text-base"
              {...form.register("serviceRadiusKm", { valueAsNumber: true })}>
              {SERVICE_RADII_KM.map((km) => <option key={km} value={km}>{t("profile.radiusOption", { km })}</option>)}
            </select>
          </Field>
          {(errors.serviceLat || errors.serviceLng) && <p role="alert" className="text-sm text-red-700">{t("profile.pinMissing")}</p>}
        </fieldset>
        <SubmitButton pendingLabel={tc("pleaseWait")} pending={save.isPending}>{t("profile.save")}</SubmitButton>
      </form>
    </section>
  );
}

/** The photo uploads on its own (multipart, /api/scooper/photo): decoded, re-encoded without EXIF, cropped square. */
function PhotoField({ userId, photoVersion, photoMaxBytes }: { userId: string; photoVersion: string | null; photoMaxBytes: number }) {
  const mb = megabytesForWords(photoMaxBytes);
  const t = useTranslations("onboarding");
  const utils = api.useUtils();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ pending: boolean; error: string | null; done: boolean }>({ pending: false, error: null, done: false });
  async function upload(file: File) {
    // The server's own limit to the byte (PHOTO_MAX_BYTES), so the browser refuses exactly what the server would.
    if (file.size > photoMaxBytes) {
      setState({ pending: false, error: t("photo.tooLarge", { mb }), done: false });
      return;
    }
    setState({ pending: true, error: null, done: false });
    const body = new FormData();
    body.set("file", file);
    const res = await fetch("/api/scooper/photo", { method: "POST", body }).catch(() => null);
    if (!res?.ok) {
      const message = res ? ((await res.json().catch(() => null)) as { error?: { message?: string } } | null)?.error?.message : null;
      setState({ pending: false, error: message ?? t("photo.uploadFailed"), done: false });
      return;
    }
    setState({ pending: false, error: null, done: true });
    if (input.current) input.current.value = "";
    await utils.scooperOnboarding.mine.invalidate();
  }
  return (
    <div className="flex items-start gap-4">
      {photoVersion
        // eslint-disable-next-line @next/next/no-img-element -- private, per-viewer image: Next's optimizer would cache it
        ? <img src={`/api/scoopers/${userId}/photo?v=${photoVersion}`} alt={t("photo.alt")} width={96} height={96} className="h-24 w-24 rounded-full border object-cover" data-testid="profile-photo" />
        : <div aria-hidden className="flex h-24 w-24 items-center justify-center rounded-full border bg-slate-100 text-xs text-slate-500">{t("photo.none")}</div>}
      <div className="min-w-0 flex-1">
        <Field label={t("photo.label")} htmlFor="profilePhoto" error={state.error ?? undefined}
          hint={t("photo.hint", { mb })}>
          <input ref={input} id="profilePhoto" type="file" accept="image/*" disabled={state.pending}
            className="block w-full text-sm" onChange={(e) => { const f = e.target.files?.[0]; if (f) void upload(f); }} />
        </Field>
        {state.pending && <p className="text-sm text-slate-700" aria-live="polite">{t("photo.uploading")}</p>}
        {state.done && <p className="text-sm text-green-800" aria-live="polite">{t("photo.uploaded")}</p>}
      </div>
    </div>
  );
}

function StatementsStep({ mine }: { mine: Mine }) {
  const t = useTranslations("onboarding");
  const utils = api.useUtils();
  const open = mine.attestations.filter((a) => !a.acceptedAt);
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const accept = api.scooperOnboarding.accept.useMutation({
    onSuccess: () => { setChecked(new Set()); void utils.scooperOnboarding.mine.invalidate(); },
    onError: () => void utils.scooperOnboarding.mine.invalidate(),
  });
  const missingRequired = open.filter((a) => a.required && !checked.has(a.id));
  return (
    <section aria-labelledby="statements-heading" className="space-y-3">
      <h2 id="statements-heading" className="text-lg font-semibold">{t("statements.title")}</h2>
      {mine.attestations.length === 0 && <p className="text-sm text-slate-700">{t("statements.none")}</p>}
      {formError(accept.error) && <Notice tone="error">{formError(accept.error)}</Notice>}
      <ul className="space-y-2" data-testid="statements">
        {mine.attestations.map((a) => (
          <li key={`${a.id}-${a.version}`} className="rounded-lg border p-3 text-sm">
            {a.acceptedAt ? (
              <p><span aria-hidden className="text-green-700">✓ </span>{a.text} <span className="text-slate-600">{t("statements.accepted")}</span></p>
            ) : (
              <label className="flex items-start gap-3">
                <input type="checkbox" className="mt-0.5 h-5 w-5" checked={checked.has(a.id)}
                  onChange={(e) => setChecked((s) => { const n = new Set(s); if (e.target.checked) n.add(a.id); else n.delete(a.id); return n; })} />
                <span>
                  {a.text}
                  <span className="block text-xs text-slate-600">
                    {a.required ? t("statements.required") : t("statements.optional")}
                    {a.acceptedEarlierVersion ? t("statements.changed") : ""}
                  </span>
                </span>
              </label>
            )}
          </li>
        ))}
      </ul>
      {open.length > 0 && (
        <>
          {missingRequired.length > 0 && <p className="text-sm text-slate-700">{t("statements.tickRequired")}</p>}
          <button type="button" disabled={checked.size === 0 || accept.isPending}
            className="w-full rounded-lg bg-brand-600 px-4 py-3 font-semibold text-white disabled:opacity-60"
            onClick={() => accept.mutate({ accepted: open.filter((a) => checked.has(a.id)).map((a) => ({ id: a.id, version: a.version })) })}>
            {accept.isPending ? t("statements.wait") : t("statements.accept")}
          </button>
        </>
      )}
    </section>
  );
}
