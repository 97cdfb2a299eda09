/** Input rules for accounts, shared by the tRPC routers, the next-auth credentials check and the forms. */
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

export const NAME_MAX = 80;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: "Enter a valid email address." }))
  .transform((e) => e.toLowerCase());

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

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
