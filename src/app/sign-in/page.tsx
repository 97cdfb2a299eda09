import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { SignInForm, type SignInWords } from "@/components/accounts/sign-in-form";
import { AuthCard, Notice } from "@/components/ui/form";
import { env } from "@/env";
import type { Locale } from "@/lib/i18n/locales";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { EMAIL_MAX, PASSWORD_MAX } from "@/lib/schemas/account-limits";
import { issueWords } from "@/lib/validation-words";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sign-in"))("metaTitle") };
}

// next-auth's error codes and ours (AccountBlocked, from the signIn callback): only these are shown, in words.
const NEXT_AUTH_ERRORS = ["TooManyRequests", "AccountBlocked", "Verification", "CredentialsSignin", "EmailSignin", "AccessDenied"] as const;
type NextAuthError = (typeof NEXT_AUTH_ERRORS)[number];
const isKnownError = (code: string): code is NextAuthError => (NEXT_AUTH_ERRORS as readonly string[]).includes(code);

/**
 * The form's words, translated here on the server and handed down as plain strings: the form translates nothing
 * in the browser, so the page ships neither next-intl's formatter nor a catalogue (issue 16's 150 kB budget). The
 * field errors are the words the server's schema (`signInSchema`) gets for the same issues (src/lib/validation-words.ts).
 */
async function signInWords(locale: Locale): Promise<SignInWords> {
  const t = await getTranslations("sign-in");
  const words = (field: "email" | "password", code: string, params: Record<string, unknown>) => issueWords({ path: [field], code, params }, locale);
  return {
    email: t("form.email"),
    password: t("form.password"),
    passwordHint: t("form.passwordHint", { max: PASSWORD_MAX }),
    submit: t("form.submit"),
    pleaseWait: t("form.pleaseWait"),
    emailLink: t("form.emailLink"),
    enterEmailFirst: t("form.enterEmailFirst"),
    linkSent: t("form.linkSent"),
    forgot: t("form.forgot"),
    create: t("form.create"),
    badCredentials: t("errors.CredentialsSignin"),
    linkErrors: { EmailSignin: t("linkErrors.EmailSignin"), TooManyRequests: t("linkErrors.TooManyRequests") },
    emailRequired: words("email", "too_small", { origin: "string", minimum: 1 }),
    emailTooLong: words("email", "too_big", { origin: "string", maximum: EMAIL_MAX }),
    emailFormat: words("email", "invalid_format", { format: "email" }),
    passwordRequired: words("password", "too_small", { origin: "string", minimum: 1 }),
    passwordTooLong: words("password", "too_big", { origin: "string", maximum: PASSWORD_MAX }),
  };
}

export default async function SignInPage(props: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [params, t, locale] = await Promise.all([props.searchParams, getTranslations("sign-in"), getLocale()]);
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  // Only this site: never bounce a user to another origin after sign-in.
  const callbackUrl = safeRedirectPath(one(params.callbackUrl), env.APP_URL);
  // Only known codes: the page never shows text a link's author chose as if it were ours.
  const error = one(params.error);
  const message = error ? t(`errors.${isKnownError(error) ? error : "Default"}`) : null;
  return (
    <AuthCard title={t("title")}>
      {one(params.reason) === "signed-out" && <Notice tone="info">{t("sessionEnded")}</Notice>}
      <SignInForm
        callbackUrl={callbackUrl}
        initialError={message}
        checkEmail={one(params["check-email"]) === "1"}
        words={await signInWords(locale as Locale)}
      />
    </AuthCard>
  );
}
