/** Input rules for accounts, shared by the tRPC routers, the next-auth credentials check and the forms. */
import { z } from "zod";

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: "Enter a valid email address." }))
  .transform((e) => e.toLowerCase());

export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

export const selfServiceRoleSchema = z.enum(["CUSTOMER", "SCOOPER"]);

export const signUpSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Tell us your name.").max(80),
  password: passwordSchema,
  roles: z.array(selfServiceRoleSchema).min(1, "Choose customer, scooper or both.").max(2),
  /** The terms and privacy policy (version TERMS_VERSION) must be accepted; the version is recorded. */
  acceptTerms: z.literal(true, "Accept the terms and the privacy policy to create an account."),
});
export type SignUpInput = z.infer<typeof signUpSchema>;
