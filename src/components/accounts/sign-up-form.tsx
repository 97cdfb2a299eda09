"use client";
import Link from "next/link";
import { useState } from "react";
import { api } from "@/trpc/react";
import { Field, Notice, SubmitButton, TextInput } from "@/components/ui/form";
import { fieldErrors, formError } from "./errors";

/** `initialRoles`: what the visitor came for ("Earn as a scooper" starts with the scooper box ticked). */
export function SignUpForm({ initialRoles = ["CUSTOMER"] }: { initialRoles?: ("CUSTOMER" | "SCOOPER")[] }) {
  const signUp = api.accounts.signUp.useMutation();
  const [roles, setRoles] = useState<("CUSTOMER" | "SCOOPER")[]>(initialRoles);
  const errors = fieldErrors(signUp.error);

  if (signUp.isSuccess) {
    return (
      <Notice tone="success">
        Check your inbox: we sent a link to confirm your email and sign you in. It works once and expires in 24 hours.
      </Notice>
    );
  }

  const toggle = (role: "CUSTOMER" | "SCOOPER") =>
    setRoles((current) => (current.includes(role) ? current.filter((r) => r !== role) : [...current, role]));

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        signUp.mutate({
          name: String(form.get("name") ?? ""),
          email: String(form.get("email") ?? ""),
          password: String(form.get("password") ?? ""),
          roles,
          acceptTerms: form.get("acceptTerms") === "on" ? true : (false as true),
        });
      }}
    >
      {formError(signUp.error) && <Notice tone="error">{formError(signUp.error)}</Notice>}
      <Field label="Your name" htmlFor="name" error={errors.name}>
        <TextInput id="name" name="name" autoComplete="name" required maxLength={80} />
      </Field>
      <Field label="Email" htmlFor="email" error={errors.email}>
        <TextInput id="email" name="email" type="email" autoComplete="email" required />
      </Field>
      <Field label="Password" htmlFor="password" error={errors.password} hint="At least 10 characters.">
        <TextInput id="password" name="password" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-800">I want to…</legend>
        <label className="flex items-center gap-3 rounded-lg border p-3">
          <input type="checkbox" name="role-customer" checked={roles.includes("CUSTOMER")} onChange={() => toggle("CUSTOMER")} className="h-5 w-5" />
          <span>Get my yard cleaned (customer)</span>
        </label>
        <label className="flex items-center gap-3 rounded-lg border p-3">
          <input type="checkbox" name="role-scooper" checked={roles.includes("SCOOPER")} onChange={() => toggle("SCOOPER")} className="h-5 w-5" />
          <span>Clean yards and get paid (scooper)</span>
        </label>
        {errors.roles?.map((e) => (
          <p key={e} className="text-sm text-red-700" role="alert">
            {e}
          </p>
        ))}
      </fieldset>
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" name="acceptTerms" required className="mt-0.5 h-5 w-5" />
        <span>
          I accept the <Link href="/terms" className="font-medium text-brand-700">terms of service</Link> and the{" "}
          <Link href="/privacy" className="font-medium text-brand-700">privacy policy</Link>.
        </span>
      </label>
      {errors.acceptTerms?.map((e) => (
        <p key={e} className="text-sm text-red-700" role="alert">
          {e}
        </p>
      ))}
      <SubmitButton pending={signUp.isPending}>Create account</SubmitButton>
      <p className="text-center text-sm text-slate-600">
        Already have an account? <Link href="/sign-in" className="font-medium text-brand-700">Sign in</Link>
      </p>
    </form>
  );
}
