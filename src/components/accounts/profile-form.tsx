"use client";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { api, type RouterOutputs } from "@/trpc/react";
import { Field, Notice, SubmitButton, TextInput } from "@/components/ui/form";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { changePasswordSchema, NAME_MAX, PASSWORD_MIN, updateProfileSchema } from "@/lib/schemas/accounts";
import { formatDate } from "@/lib/format-date";
import { schemaResolver } from "@/components/ui/schema-resolver";
import { formError, showServerErrors } from "./errors";

type Profile = RouterOutputs["accounts"]["me"];

export function ProfileForm({ profile }: { profile: Profile }) {
  const t = useTranslations("accounts");
  const router = useRouter();
  const addRole = api.accounts.addRole.useMutation({ onSuccess: () => router.refresh() });
  const missingRoles = (["CUSTOMER", "SCOOPER"] as const).filter((r) => !profile.roles.includes(r));

  return (
    <div className="space-y-8">
      <DetailsForm profile={profile} />

      <section className="space-y-3">
        <h2 className="text-lg font-semibold">{t("profileForm.roles")}</h2>
        <p className="text-sm text-slate-700" data-testid="roles">
          {profile.roles.map((r) => t(`profileForm.role.${r}`)).join(", ")}
        </p>
        {missingRoles.map((role) => (
          <button
            key={role}
            type="button"
            disabled={addRole.isPending}
            onClick={() => addRole.mutate({ role })}
            className="w-full rounded-lg border border-brand-600 px-4 py-3 font-medium text-brand-700"
          >
            {role === "SCOOPER" ? t("profileForm.becomeScooper") : t("profileForm.becomeCustomer")}
          </button>
        ))}
      </section>

      <PasswordForm profile={profile} />
    </div>
  );
}

/** Name and notification email, checked with the server's schema (src/lib/schemas/accounts.ts). */
function DetailsForm({ profile }: { profile: Profile }) {
  const t = useTranslations("accounts");
  const tc = useTranslations("common");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const form = useForm<z.input<typeof updateProfileSchema>, unknown, z.output<typeof updateProfileSchema>>({
    resolver: schemaResolver(updateProfileSchema),
    defaultValues: { name: profile.name ?? "", notificationEmail: profile.notificationEmail ?? "" },
  });
  const update = api.accounts.updateProfile.useMutation({ onSuccess: () => router.refresh(), onError: (e) => showServerErrors(form.setError, e) });
  const retryEmail = api.accounts.retryEmailAddresses.useMutation({ onSuccess: () => router.refresh() });
  const errors = form.formState.errors;
  return (
    <form className="space-y-4" noValidate onSubmit={form.handleSubmit((input) => update.mutate(input))}>
      <h2 className="text-lg font-semibold">{t("profileForm.details")}</h2>
      {profile.undeliverable.length > 0 && (
        <div role="alert" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="email-undeliverable">
          {profile.undeliverable.map((u) => (
            <p key={u.address}>
              {t.rich("profileForm.undeliverable", {
                b: (c) => <b>{c}</b>,
                address: u.address,
                reason: u.reason,
                date: formatDate(u.since, { locale }),
                detail: u.detail ? ` (${u.detail})` : "",
              })}
            </p>
          ))}
          <p>{t("profileForm.undeliverableFix")}</p>
          <button
            type="button"
            disabled={retryEmail.isPending}
            onClick={() => retryEmail.mutate()}
            className="rounded-lg border border-amber-600 px-3 py-1.5 font-semibold text-amber-900 disabled:opacity-60"
          >
            {t("profileForm.retryEmail")}
          </button>
          {formError(retryEmail.error) && <p className="text-red-700">{formError(retryEmail.error)}</p>}
        </div>
      )}
      {update.isSuccess && <Notice tone="success">{t("profileForm.saved")}</Notice>}
      {formError(update.error) && <Notice tone="error">{formError(update.error)}</Notice>}
      <Field label={t("profileForm.signInEmail")} htmlFor="email">
        <TextInput id="email" value={profile.email} readOnly disabled />
      </Field>
      <Field label={t("profileForm.name")} htmlFor="name" error={errors.name?.message} hint={t("profileForm.nameHint", { max: NAME_MAX })}>
        <TextInput id="name" maxLength={NAME_MAX} aria-invalid={!!errors.name} {...form.register("name")} />
      </Field>
      <Field label={t("profileForm.notificationEmail")} htmlFor="notificationEmail" error={errors.notificationEmail?.message} hint={t("profileForm.notificationEmailHint")}>
        <TextInput id="notificationEmail" type="email" aria-invalid={!!errors.notificationEmail} {...form.register("notificationEmail")} />
      </Field>
      <SubmitButton pendingLabel={tc("pleaseWait")} pending={update.isPending}>{t("profileForm.save")}</SubmitButton>
    </form>
  );
}

/** Changing the password ends every session, this one too: the form signs straight back in with the new one. */
function PasswordForm({ profile }: { profile: Profile }) {
  const t = useTranslations("accounts");
  const tc = useTranslations("common");
  const router = useRouter();
  const form = useForm<z.input<typeof changePasswordSchema>, unknown, z.output<typeof changePasswordSchema>>({
    resolver: schemaResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const changePassword = api.accounts.changePassword.useMutation({ onError: (e) => showServerErrors(form.setError, e) });
  const errors = form.formState.errors;
  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={form.handleSubmit((input) =>
        changePassword.mutate(input, {
          onSuccess: () => void signIn("credentials", { redirect: false, email: profile.email, password: input.newPassword }).then(() => router.refresh()),
        }),
      )}
    >
      <h2 className="text-lg font-semibold">{t("profileForm.password")}</h2>
      {changePassword.isSuccess && <Notice tone="success">{t("profileForm.passwordChanged")}</Notice>}
      {formError(changePassword.error) && <Notice tone="error">{formError(changePassword.error)}</Notice>}
      {profile.hasPassword && (
        <Field label={t("profileForm.currentPassword")} htmlFor="currentPassword" error={errors.currentPassword?.message}>
          <TextInput id="currentPassword" type="password" autoComplete="current-password" {...form.register("currentPassword")} />
        </Field>
      )}
      <Field label={t("profileForm.newPassword")} htmlFor="newPassword" error={errors.newPassword?.message} hint={t("passwordHint", { min: PASSWORD_MIN })}>
        <TextInput id="newPassword" type="password" autoComplete="new-password" aria-invalid={!!errors.newPassword} {...form.register("newPassword")} />
      </Field>
      <SubmitButton pendingLabel={tc("pleaseWait")} pending={changePassword.isPending}>{t("profileForm.changePassword")}</SubmitButton>
    </form>
  );
}
