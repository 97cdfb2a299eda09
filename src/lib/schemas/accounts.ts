/** Input rules for accounts, shared by the tRPC routers, the next-auth credentials check and the forms. */
import { z } from "zod";
import { EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from "./account-limits";
import { LOCALES } from "@/lib/i18n/locales";

export { BAD_CREDENTIALS, EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN } from "./account-limits";

export const emailSchema = z
  .string()
  .trim()
  .max(EMAIL_MAX)
  .pipe(z.email({ message: "Enter a valid email address." }))
  .transform((e) => e.toLowerCase());

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

/**
 * What next-auth's credentials check accepts (src/server/auth/options.ts). The sign-in form checks the same limits
 * in the browser without zod (./account-limits.ts): the sign-in page's byte budget.
 */
export const signInSchema = z.object({
  email: emailSchema,
  // No minimum beyond "something": the password rules of the day apply when one is chosen, not when it is used.
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX),
});

export const selfServiceRoleSchema = z.enum(["CUSTOMER", "SCOOPER"]);

export const nameSchema = z.string().trim().min(1, "Tell us your name.").max(NAME_MAX);

export const signUpSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  password: passwordSchema,
  roles: z.array(selfServiceRoleSchema).min(1, "Choose customer, scooper or both.").max(2),
  /** The terms and privacy policy (version TERMS_VERSION) must be accepted; the version is recorded. */
  acceptTerms: z.literal(true, "Accept the terms and the privacy policy to create an account."),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const passwordResetRequestSchema = z.object({ email: emailSchema });
export const passwordResetSchema = z.object({ token: z.string().min(20).max(200), password: passwordSchema });

export const updateProfileSchema = z.object({
  name: z.string().trim().min(1).max(NAME_MAX),
  notificationEmail: z.union([emailSchema, z.literal("").transform(() => null)]).nullable(),
});

/** The language a user saves for the app, emails and push (issue 17). */
export const setLocaleSchema = z.object({ locale: z.enum(LOCALES) });

export const changePasswordSchema = z.object({ currentPassword: z.string().max(PASSWORD_MAX).default(""), newPassword: passwordSchema });
