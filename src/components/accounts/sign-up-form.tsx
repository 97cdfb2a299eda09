"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { NAME_MAX, PASSWORD_MIN, signUpSchema } from "@/lib/schemas/accounts";
import { schemaResolver } from "@/components/ui/schema-resolver";
import { api } from "@/trpc/react";
import { Field, Notice, SubmitButton, TextInput } from "@/components/ui/form";
import { formError, showServerErrors } from "./errors";

type SignUpValues = z.input<typeof signUpSchema>;

/**
 * Checked in the browser with the server's own schema (src/lib/schemas/accounts.ts), so the words and limits
 * are the same either side; what only the server knows (rate limits) lands on the form from its answer.
 * `initialRoles`: what the visitor came for ("Earn as a scooper" starts with the scooper box ticked).
 */
export function SignUpForm({ initialRoles = ["CUSTOMER"] }: { initialRoles?: ("CUSTOMER" | "SCOOPER")[] }) {
  const t = useTranslations("accounts");
  const tc = useTranslations("common");
  const form = useForm<SignUpValues, unknown, z.output<typeof signUpSchema>>({
    resolver: schemaResolver(signUpSchema),
    defaultValues: { name: "", email: "", password: "", roles: initialRoles },
  });
  const signUp = api.accounts.signUp.useMutation({ onError: (error) => showServerErrors(form.setError, error) });
  const errors = form.formState.errors;

  if (signUp.isSuccess) {
    return (
      <Notice tone="success">
        {t("signUp.checkInbox")}
      </Notice>
    );
  }

  return (
    <form className="space-y-4" noValidate onSubmit={form.handleSubmit((input) => signUp.mutate(input))}>
      {formError(signUp.error) && <Notice tone="error">{formError(signUp.error)}</Notice>}
      <Field label={t("signUp.name")} htmlFor="name" error={errors.name?.message}>
        <TextInput id="name" autoComplete="name" maxLength={NAME_MAX} aria-invalid={!!errors.name} {...form.register("name")} />
      </Field>
      <Field label={t("signUp.email")} htmlFor="email" error={errors.email?.message}>
        <TextInput id="email" type="email" autoComplete="email" aria-invalid={!!errors.email} {...form.register("email")} />
      </Field>
      <Field label={t("signUp.password")} htmlFor="password" error={errors.password?.message} hint={t("passwordHint", { min: PASSWORD_MIN })}>
        <TextInput id="password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} {...form.register("password")} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">{t("signUp.iWant")}</legend>
        <label className="flex items-center gap-3 rounded-lg border p-3">
          <input type="checkbox" value="CUSTOMER" className="h-5 w-5" {...form.register("roles")} />
          <span>{t("signUp.asCustomer")}</span>
        </label>
        <label className="flex items-center gap-3 rounded-lg border p-3">
          <input type="checkbox" value="SCOOPER" className="h-5 w-5" {...form.register("roles")} />
          <span>{t("signUp.asScooper")}</span>
        </label>
        {errors.roles?.message && <p className="text-sm text-red-700" role="alert">{errors.roles.message}</p>}
      </fieldset>
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" className="mt-0.5 h-5 w-5" aria-invalid={!!errors.acceptTerms} {...form.register("acceptTerms")} />
        <span>
          {t.rich("signUp.accept", {
            terms: (c) => <Link href="/terms" className="font-medium text-brand-700">{c}</Link>,
            privacy: (c) => <Link href="/privacy" className="font-medium text-brand-700">{c}</Link>,
          })}
        </span>
      </label>
      {errors.acceptTerms?.message && <p className="text-sm text-red-700" role="alert">{errors.acceptTerms.message}</p>}
      <SubmitButton pendingLabel={tc("pleaseWait")} pending={signUp.isPending}>{t("signUp.submit")}</SubmitButton>
      <p className="text-center text-sm text-slate-600">
        {t.rich("signUp.haveAccount", { link: (c) => <Link href="/sign-in" className="font-medium text-brand-700">{c}</Link> })}
      </p>
    </form>
  );
}
