"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { BAD_CREDENTIALS, EMAIL_MAX, PASSWORD_MAX, signInEmailSchema, signInSchema, type SignInInput } from "@/lib/schemas/sign-in";
import { plainWordsError } from "@/lib/validation-words";
import { Field, Notice, SubmitButton, TextInput } from "@/components/ui/form";

// next-auth's email sign-in answers with a code, never our text.
const LINK_ERRORS: Record<string, string> = {
  EmailSignin: "We could not send a link right now. Try again in a few minutes.",
  TooManyRequests: "Too many sign-in links asked for from your network. Try again later.",
};

type Values = { email: string; password: string };

/**
 * Email and password, or a sign-in link, checked with the rules next-auth's credentials check uses
 * (src/lib/schemas/sign-in.ts). A wrong email or password lands on the password field; a throttle or a
 * suspension (the server's own words) above the form. After signing in: the page's safe `callbackUrl`.
 */
export function SignInForm(props: { callbackUrl: string; initialError?: string | null; checkEmail?: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(props.initialError ?? null);
  const [linkSent, setLinkSent] = useState(props.checkEmail ?? false);
  const [sendingLink, setSendingLink] = useState(false);
  const form = useForm<Values, unknown, SignInInput>({
    resolver: zodResolver(signInSchema, { error: plainWordsError }),
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const pending = isSubmitting || sendingLink;

  async function withPassword(input: SignInInput) {
    setError(null);
    const res = await signIn("credentials", { redirect: false, ...input, callbackUrl: props.callbackUrl });
    if (!res || res.error) {
      const message = res?.error && res.error !== "CredentialsSignin" ? res.error : BAD_CREDENTIALS;
      if (message === BAD_CREDENTIALS) form.setError("password", { type: "server", message }, { shouldFocus: true });
      else setError(message);
      return;
    }
    router.push(props.callbackUrl);
    router.refresh();
  }

  async function withLink() {
    setError(null);
    const email = signInEmailSchema.safeParse(form.getValues("email"), { error: plainWordsError });
    if (!email.success) {
      form.setError("email", { type: "link", message: form.getValues("email").trim() ? email.error.issues[0]?.message : "Enter your email first." }, { shouldFocus: true });
      return;
    }
    form.clearErrors("email");
    setSendingLink(true);
    const res = await signIn("email", { redirect: false, email: email.data, callbackUrl: props.callbackUrl });
    setSendingLink(false);
    if (res?.error) setError(LINK_ERRORS[res.error] ?? LINK_ERRORS.EmailSignin!);
    else setLinkSent(true);
  }

  const emailError = errors.email?.message;
  const passwordError = errors.password?.message;
  return (
    <form className="space-y-4" noValidate onSubmit={form.handleSubmit(withPassword)}>
      {error && <Notice tone="error">{error}</Notice>}
      {linkSent && <Notice tone="success">If that email has an account, a sign-in link is on its way.</Notice>}
      <Field label="Email" htmlFor="email" error={emailError}>
        <TextInput id="email" type="email" autoComplete="email" maxLength={EMAIL_MAX} aria-invalid={!!emailError} {...form.register("email")} />
      </Field>
      <Field label="Password" htmlFor="password" error={passwordError} hint={`Up to ${PASSWORD_MAX} characters.`}>
        <TextInput id="password" type="password" autoComplete="current-password" maxLength={PASSWORD_MAX} aria-invalid={!!passwordError} {...form.register("password")} />
      </Field>
      <SubmitButton pending={pending}>Sign in</SubmitButton>
      <button
        type="button"
        disabled={pending}
        className="w-full rounded-lg border border-slate-300 px-4 py-3 text-base font-medium"
        onClick={() => void withLink()}
      >
        Email me a sign-in link
      </button>
      <div className="flex justify-between text-sm">
        <Link href="/forgot-password" className="text-brand-700">Forgot password?</Link>
        <Link href="/sign-up" className="text-brand-700">Create an account</Link>
      </div>
    </form>
  );
}
