"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { signInWith } from "@/lib/auth-client";
import { BAD_CREDENTIALS, EMAIL_MAX, PASSWORD_MAX } from "@/lib/schemas/account-limits";
import { Field, Notice, SubmitButton, TextInput } from "@/components/ui/form";

type Values = { email: string; password: string };

/** Every word the form shows, translated by the page on the server (src/app/sign-in/page.tsx). */
export type SignInWords = {
  email: string;
  password: string;
  passwordHint: string;
  submit: string;
  pleaseWait: string;
  emailLink: string;
  enterEmailFirst: string;
  linkSent: string;
  forgot: string;
  create: string;
  /** The words for a wrong email or password (the server answers it with a code or its English sentence). */
  badCredentials: string;
  /** next-auth's email sign-in answers with a code, never our text. */
  linkErrors: { EmailSignin: string; TooManyRequests: string };
  emailRequired: string;
  emailTooLong: string;
  emailFormat: string;
  passwordRequired: string;
  passwordTooLong: string;
};

/**
 * Email and password, or a sign-in link. Checked in the browser with react-hook-form's own rules against the
 * limits of the schema next-auth's credentials check applies (src/lib/schemas/account-limits.ts; no zod here:
 * the page's byte budget, issue 16; next-auth's client neither, src/lib/auth-client.ts; nor next-intl: its words
 * are props). A wrong email or password lands on the password field; a throttle or a suspension (the server's
 * own words, in the caller's language) above the form. After signing in: the page's safe `callbackUrl`.
 */
export function SignInForm(props: { callbackUrl: string; initialError?: string | null; checkEmail?: boolean; words: SignInWords }) {
  const w = props.words;
  const router = useRouter();
  const [error, setError] = useState<string | null>(props.initialError ?? null);
  const [linkSent, setLinkSent] = useState(props.checkEmail ?? false);
  const [sendingLink, setSendingLink] = useState(false);
  const emailRules = {
    required: w.emailRequired,
    maxLength: { value: EMAIL_MAX, message: w.emailTooLong },
    // A first check; the server's email format is the one that counts.
    pattern: { value: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, message: w.emailFormat },
    setValueAs: (v: string) => v.trim(),
  };
  const passwordRules = { required: w.passwordRequired, maxLength: { value: PASSWORD_MAX, message: w.passwordTooLong } };
  const form = useForm<Values>({ defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;
  const pending = isSubmitting || sendingLink;

  async function withPassword(input: Values) {
    setError(null);
    const res = await signInWith("credentials", input, props.callbackUrl);
    if (res.error) {
      if (res.error === "CredentialsSignin" || res.error === BAD_CREDENTIALS) {
        form.setError("password", { type: "server", message: w.badCredentials }, { shouldFocus: true });
      } else setError(res.error);
      return;
    }
    router.push(props.callbackUrl);
    router.refresh();
  }

  async function withLink() {
    setError(null);
    if (!form.getValues("email").trim()) {
      form.setError("email", { type: "link", message: w.enterEmailFirst }, { shouldFocus: true });
      return;
    }
    if (!(await form.trigger("email", { shouldFocus: true }))) return;
    setSendingLink(true);
    const res = await signInWith("email", { email: form.getValues("email").trim() }, props.callbackUrl);
    setSendingLink(false);
    if (res.error) setError(res.error === "TooManyRequests" ? w.linkErrors.TooManyRequests : w.linkErrors.EmailSignin);
    else setLinkSent(true);
  }

  const emailError = errors.email?.message;
  const passwordError = errors.password?.message;
  return (
    <form className="space-y-4" noValidate onSubmit={(e) => void form.handleSubmit(withPassword)(e)}>
      {error && <Notice tone="error">{error}</Notice>}
      {linkSent && <Notice tone="success">{w.linkSent}</Notice>}
      <Field label={w.email} htmlFor="email" error={emailError}>
        <TextInput id="email" type="email" autoComplete="email" maxLength={EMAIL_MAX} aria-invalid={!!emailError} {...form.register("email", emailRules)} />
      </Field>
      <Field label={w.password} htmlFor="password" error={passwordError} hint={w.passwordHint}>
        <TextInput id="password" type="password" autoComplete="current-password" maxLength={PASSWORD_MAX} aria-invalid={!!passwordError} {...form.register("password", passwordRules)} />
      </Field>
      <SubmitButton pending={pending} pendingLabel={w.pleaseWait}>{w.submit}</SubmitButton>
      <button type="button" disabled={pending} className="w-full rounded-lg border border-slate-300 px-4 py-3 text-base font-medium" onClick={() => void withLink()}>
        {w.emailLink}
      </button>
      <div className="flex justify-between text-sm">
        <Link href="/forgot-password" className="text-brand-700">{w.forgot}</Link>
        <Link href="/sign-up" className="text-brand-700">{w.create}</Link>
      </div>
    </form>
  );
}
