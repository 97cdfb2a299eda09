"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Field, Notice, SubmitButton, TextInput } from "@/components/ui/form";

// next-auth's email sign-in answers with a code, never our text.
const LINK_ERRORS: Record<string, string> = {
  EmailSignin: "We could not send a link right now. Try again in a few minutes.",
  TooManyRequests: "Too many sign-in links asked for from your network. Try again later.",
};

export function SignInForm(props: { callbackUrl: string; initialError?: string | null; checkEmail?: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(props.initialError ?? null);
  const [pending, setPending] = useState(false);
  const [linkSent, setLinkSent] = useState(props.checkEmail ?? false);

  async function withPassword(form: FormData) {
    setPending(true);
    setError(null);
    const res = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      callbackUrl: props.callbackUrl,
    });
    setPending(false);
    if (!res || res.error) {
      setError(res?.error && res.error !== "CredentialsSignin" ? res.error : "Wrong email or password, or the email is not confirmed yet.");
      return;
    }
    router.push(props.callbackUrl);
    router.refresh();
  }

  async function withLink(email: string) {
    setPending(true);
    setError(null);
    const res = await signIn("email", { redirect: false, email, callbackUrl: props.callbackUrl });
    setPending(false);
    if (res?.error) setError(LINK_ERRORS[res.error] ?? LINK_ERRORS.EmailSignin!);
    else setLinkSent(true);
  }

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void withPassword(new FormData(e.currentTarget));
      }}
    >
      {error && <Notice tone="error">{error}</Notice>}
      {linkSent && <Notice tone="success">If that email has an account, a sign-in link is on its way.</Notice>}
      <Field label="Email" htmlFor="email">
        <TextInput id="email" name="email" type="email" autoComplete="email" required />
      </Field>
      <Field label="Password" htmlFor="password">
        <TextInput id="password" name="password" type="password" autoComplete="current-password" />
      </Field>
      <SubmitButton pending={pending}>Sign in</SubmitButton>
      <button
        type="button"
        disabled={pending}
        className="w-full rounded-lg border border-slate-300 px-4 py-3 text-base font-medium"
        onClick={(e) => {
          const email = (e.currentTarget.form?.elements.namedItem("email") as HTMLInputElement | null)?.value ?? "";
          if (!email) setError("Enter your email first.");
          else void withLink(email);
        }}
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
