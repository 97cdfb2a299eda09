"use client";
import { signOutAndForget } from "./sign-out";
import { useState } from "react";
import { api } from "@/trpc/react";
import { Field, Notice, TextInput } from "@/components/ui/form";
import { formError } from "./errors";

/** Download everything Scoop holds about you, or delete the account (typing the email to confirm). */
export function YourData() {
  const [confirmEmail, setConfirmEmail] = useState("");
  const remove = api.accounts.deleteAccount.useMutation({ onSuccess: () => void signOutAndForget("/") });
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">Your data</h2>
      <a href="/api/account/export" download className="inline-block rounded-lg border border-slate-300 px-4 py-2 text-sm font-medium">
        Download my data (JSON)
      </a>
      <p className="text-sm text-slate-600">
        Deleting your account erases your name, email, notes and notifications, cancels your open jobs and ends every session. Payment and
        dispute records stay, without your details. This cannot be undone.
      </p>
      {remove.error && <Notice tone="error">{formError(remove.error)}</Notice>}
      <Field label="Type your email to confirm" htmlFor="confirmEmail">
        <TextInput id="confirmEmail" value={confirmEmail} onChange={(e) => setConfirmEmail(e.target.value)} autoComplete="off" />
      </Field>
      <button
        type="button"
        disabled={remove.isPending || !confirmEmail}
        onClick={() => remove.mutate({ confirmEmail })}
        className="rounded-lg border border-red-300 px-4 py-2 text-sm font-medium text-red-700"
      >
        Delete my account
      </button>
    </section>
  );
}
