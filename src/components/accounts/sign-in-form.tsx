"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { signInWith } from "@/lib/auth-client";
import { BAD_CREDENTIALS, EMAIL_MAX, PASSWORD_MAX } from "@/lib/schemas/account-limits";
import { issueWords } from "@/lib/validation-words";
import { Field, Notice, SubmitButton, TextInput } from "@/components/ui/form";

// next-auth's email sign-in answers with a code, never our text.
const LINK_ERRORS: Record<string, string> = {
  EmailSignin: "We could not send a link right now. Try again in a few minutes.",
  TooManyRequests: "Too many sign-in links asked for from your network. Try again later.",
};

type Values = { email: string; password: string };

// The words the server's schema (`signInSchema`, src/lib/schemas/accounts.ts) gets for the same issues.
const words = (field: keyof Values, code: string, params: Record<string, unknown> = {}) => issueWords({ path: [field], code, params });
const EMAIL_RULES = {
  required: words("email", "too_small", { origin: "string", minimum: 1 }),
  maxLength: { value: EMAIL_MAX, message: words("email", "too_big", { origin: "string", maximum: EMAIL_MAX }) },
  // A first check; the server's email format is the one that counts.
  pattern: { value: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, message: words("email", "invalid_format", { format: "email" }) },
  setValueAs: (v: string) => v.trim(),
};
const PASSWORD_RULES = {
  required: words("password", "too_small", { origin: "string", minimum: 1 }),
  maxLength: { value: PASSWORD_MAX, message: words("password", "too_big", { origin: "string", maximum: PASSWORD_MAX }) },
};

/**
 * Email and password, or a sign-in link. Checked in the browser with react-hook-form's own rules against the
 * limits of the schema next-auth's credentials check applies (src/lib/schemas/account-limits.ts; no zod here:
 * the page's byte budget, issue 16; next-auth's client neither, src/lib/auth-client.ts). A wrong email or password lands on the password field; a throttle or a
 * suspension (the server's own words) above the form. After signing in: the page's safe `callbackUrl`.
 */
export function SignInForm(props: { callbackUrl: string; initialError?: string | null; checkEmail?: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(props.initialError ?? null);
  const [linkSent, setLinkSent] = useState(props.checkEmail ?? false);
  const [sendingLink, setSendingLink] = useState(false);
  const form = useForm<Values>({ defaultValues: { email: "", password: "" } });
  const { errors, isSubmitting } = form.formState;
  const pending = isSubmitting || sendingLink;

  async function withPassword(input: Values) {
    setError(null);
    const res = await signInWith("credentials", input, props.callbackUrl);
    if (res.error) {
      const message = res.error !== "CredentialsSignin" ? res.error : BAD_CREDENTIALS;
      if (message === BAD_CREDENTIALS) form.setError("password", { type: "server", message }, { shouldFocus: true });
      else setError(message);
      return;
    }
    router.push(props.callbackUrl);
    router.refresh();
  }

  async function withLink() {
    setError(null);
    if (!form.getValues("email").trim()) {
      form.setError("email", { type: "link", message: "Enter your email first." }, { shouldFocus: true });
      return;
    }
    if (!(await form.trigger("email", { shouldFocus: true }))) return;
    setSendingLink(true);
    const res = await signInWith("email", { email: form.getValues("email").trim() }, props.callbackUrl);
    setSendingLink(false);
    if (res.error) setError(LINK_ERRORS[res.error] ?? LINK_ERRORS.EmailSignin!);
    else setLinkSent(true);
  }

  const emailError = errors.email?.message;
  const passwordError = errors.password?.message;
  return (
    <form className="space-y-4" noValidate onSubmit={(e) => void form.handleSubmit(withPassword)(e)}>
      {error && <Notice tone="error">{error}</Notice>}
      {linkSent && <Notice tone="success">If that email has an account, a sign-in link is on its way.</Notice>}
      <Field label="Email" htmlFor="email" error={emailError}>
        <TextInput id="email" type="email" autoComplete="email" maxLength={EMAIL_MAX} aria-invalid={!!emailError} {...form.register("email", EMAIL_RULES)} />
      </Field>
      <Field label="Password" htmlFor="password" error={passwordError} hint={`Up to ${PASSWORD_MAX} characters.`}>
        <TextInput id="password" type="password" autoComplete="current-password" maxLength={PASSWORD_MAX} aria-invalid={!!passwordError} {...form.register("password", PASSWORD_RULES)} />
      </Field>
      <SubmitButton pending={pending}>Sign in</SubmitButton>
      <button type="button" disabled={pending} className="w-full rounded-lg border border-slate-300 px-4 py-3 text-base font-medium" onClick={() => void withLink()}>
        Email me a sign-in link
      </button>
      <div className="flex justify-between text-sm">
        <Link href="/forgot-password" className="text-brand-700">Forgot password?</Link>
        <Link href="/sign-up" className="text-brand-700">Create an account</Link>
      </div>
    </form>
  );
}
