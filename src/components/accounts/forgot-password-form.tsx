"use client";
import { api } from "@/trpc/react";
import { Field, Notice, SubmitButton, TextInput } from "@/components/ui/form";
import { fieldErrors, formError } from "./errors";

export function ForgotPasswordForm() {
  const request = api.accounts.requestPasswordReset.useMutation();
  if (request.isSuccess) {
    return <Notice tone="success">If that email has an account, we sent a link to choose a new password. It expires in 60 minutes.</Notice>;
  }
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        request.mutate({ email: String(new FormData(e.currentTarget).get("email") ?? "") });
      }}
    >
      {formError(request.error) && <Notice tone="error">{formError(request.error)}</Notice>}
      <Field label="Email" htmlFor="email" error={fieldErrors(request.error).email}>
        <TextInput id="email" name="email" type="email" autoComplete="email" required />
      </Field>
      <SubmitButton pending={request.isPending}>Send reset link</SubmitButton>
    </form>
  );
}
