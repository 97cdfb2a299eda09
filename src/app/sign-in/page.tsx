import type { Metadata } from "next";
import { SignInForm } from "@/components/accounts/sign-in-form";
import { AuthCard, Notice } from "@/components/ui/form";
import { env } from "@/env";
import { safeRedirectPath } from "@/lib/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

// next-auth's error codes and ours (AccountBlocked, from the signIn callback), in words.
const NEXT_AUTH_ERRORS: Record<string, string> = {
  TooManyRequests: "Too many sign-in links asked for from your network. Try again in an hour.",
  AccountBlocked: "This account is suspended or banned. Sign in with your password to see why and until when.",
  Verification: "That sign-in link is invalid, already used or expired. Ask for a new one.",
  CredentialsSignin: "Wrong email or password, or the email is not confirmed yet.",
  EmailSignin: "We could not send a sign-in link right now. Try again in a few minutes.",
  AccessDenied: "This account may not sign in.",
  Default: "Sign-in failed. Please try again.",
};

export default async function SignInPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await props.searchParams;
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  // Only this site: never bounce a user to another origin after sign-in.
  const callbackUrl = safeRedirectPath(one(params.callbackUrl), env.APP_URL);
  // Only known codes: the page never shows text a link's author chose as if it were ours.
  const error = one(params.error);
  const message = error ? (NEXT_AUTH_ERRORS[error] ?? NEXT_AUTH_ERRORS.Default) : null;
  return (
    <AuthCard title="Sign in">
      {one(params.reason) === "signed-out" && <Notice tone="info">Your session ended. Please sign in again.</Notice>}
      <SignInForm callbackUrl={callbackUrl} initialError={message} checkEmail={one(params["check-email"]) === "1"} />
    </AuthCard>
  );
}
