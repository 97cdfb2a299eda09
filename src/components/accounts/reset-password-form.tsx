"use client";
import Link from "next/link";
import { api } from "@/trpc/react";
import { Field, Notice, SubmitButton, TextInput } from "@/components/ui/form";
import { fieldErrors, formError } from "./errors";

export function ResetPasswordForm(props: { token: string }) {
  const reset = api.accounts.resetPassword.useMutation();
  if (reset.isSuccess) {
    return (
      <Notice tone="success">
        Your password is changed and every other session has been signed out.{" "}
        <Link href="/sign-in" className="font-semibold underline">Sign in</Link> with the new password.
      </Notice>
    );
  }
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        reset.mutate({ token: props.token, password: String(new FormData(e.currentTarget).get("password") ?? "") });
      }}
    >
      {formError(reset.error) && <Notice tone="error">{formError(reset.error)}</Notice>}
      <Field label="New password" htmlFor="password" error={fieldErrors(reset.error).password} hint="At least 10 characters.">
        <TextInput id="password" name="password" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      <SubmitButton pending={reset.isPending}>Set new password</SubmitButton>
    </form>
  );
}
