/**
 * The account emails, by the names the accounts code has always called. Each returns a subject, an HTML body
 * and a plain-text body, rendered from the React Email templates in ./templates/.
 */
import { env } from "@/env";
import type { Locale } from "@/lib/i18n/locales";
import { accountExists } from "./templates/account-exists";
import type { RenderedEmail } from "./templates/layout";
import { magicLink } from "./templates/magic-link";
import { passwordReset } from "./templates/password-reset";
import { signUpConfirmation } from "./templates/sign-up-confirmation";

export type { RenderedEmail };

export function appUrl(path: string): string {
  return new URL(path, env.APP_URL).toString();
}

/** Each in the recipient's language (`locale`; English when omitted). */
type InLocale = { locale?: Locale };

export const passwordResetEmail = (opts: { resetUrl: string; ttlMinutes: number } & InLocale): Promise<RenderedEmail> => passwordReset.render(opts);
export const magicLinkEmail = (opts: { url: string } & InLocale): Promise<RenderedEmail> => magicLink.render(opts);
export const confirmSignUpEmail = (opts: { url: string } & InLocale): Promise<RenderedEmail> => signUpConfirmation.render(opts);
export const accountExistsEmail = (opts: { signInUrl: string; resetUrl: string } & InLocale): Promise<RenderedEmail> => accountExists.render(opts);
