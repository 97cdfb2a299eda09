"use client";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { passwordResetRequestSchema } from "@/lib/schemas/accounts";
import { api } from "@/trpc/react";
import { Field, Notice, SubmitButton, TextInput } from "@/components/ui/form";
import { schemaResolver } from "@/components/ui/schema-resolver";
import { formError, showServerErrors } from "./errors";

/** `ttlMinutes`: the reset link's lifetime in force (PASSWORD_RESET_TTL_MINUTES), read by the page on the server. */
export function ForgotPasswordForm({ ttlMinutes }: { ttlMinutes: number }) {
  const t = useTranslations("accounts");
  const tc = useTranslations("common");
  const form = useForm<z.input<typeof passwordResetRequestSchema>, unknown, z.output<typeof passwordResetRequestSchema>>({
    resolver: schemaResolver(passwordResetRequestSchema),
    defaultValues: { email: "" },
  });
  const request = api.accounts.requestPasswordReset.useMutation({ onError: (e) => showServerErrors(form.setError, e) });
  if (request.isSuccess) {
    return <Notice tone="success">{t("forgot.sent", { minutes: ttlMinutes })}</Notice>;
  }
  const error = form.formState.errors.email?.message;
  return (
    <form className="space-y-4" noValidate onSubmit={form.handleSubmit((input) => request.mutate(input))}>
      {formError(request.error) && <Notice tone="error">{formError(request.error)}</Notice>}
      <Field label={t("forgot.email")} htmlFor="email" error={error}>
        <TextInput id="email" type="email" autoComplete="email" aria-invalid={!!error} {...form.register("email")} />
      </Field>
      <SubmitButton pendingLabel={tc("pleaseWait")} pending={request.isPending}>{t("forgot.submit")}</SubmitButton>
    </form>
  );
}
