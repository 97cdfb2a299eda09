"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { PASSWORD_MIN, passwordResetSchema } from "@/lib/schemas/accounts";
import { api } from "@/trpc/react";
import { Field, Notice, SubmitButton, TextInput } from "@/components/ui/form";
import { schemaResolver } from "@/components/ui/schema-resolver";
import { formError, showServerErrors } from "./errors";

export function ResetPasswordForm(props: { token: string }) {
  const t = useTranslations("accounts");
  const tc = useTranslations("common");
  const form = useForm<z.input<typeof passwordResetSchema>, unknown, z.output<typeof passwordResetSchema>>({
    resolver: schemaResolver(passwordResetSchema),
    defaultValues: { token: props.token, password: "" },
  });
  const reset = api.accounts.resetPassword.useMutation({ onError: (e) => showServerErrors(form.setError, e) });
  if (reset.isSuccess) {
    return (
      <Notice tone="success">
        {t.rich("reset.done", { link: (c) => <Link href="/sign-in" className="font-semibold underline">{c}</Link> })}
      </Notice>
    );
  }
  const errors = form.formState.errors;
  // A malformed link (token) is not something to fix on this page: say so above the field.
  const linkError = errors.token ? t("reset.badLink") : null;
  return (
    <form className="space-y-4" noValidate onSubmit={form.handleSubmit((input) => reset.mutate(input))}>
      {(linkError ?? formError(reset.error)) && <Notice tone="error">{linkError ?? formError(reset.error)}</Notice>}
      <Field label={t("reset.newPassword")} htmlFor="password" error={errors.password?.message} hint={t("passwordHint", { min: PASSWORD_MIN })}>
        <TextInput id="password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} {...form.register("password")} />
      </Field>
      <SubmitButton pendingLabel={tc("pleaseWait")} pending={reset.isPending}>{t("reset.submit")}</SubmitButton>
    </form>
  );
}
