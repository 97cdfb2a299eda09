/**
 * The sign-in form's rules, shared by the form and next-auth's credentials check (src/server/auth/options.ts).
 * Written with zod/mini, not classic zod like the other account schemas: the sign-in page has a byte budget
 * (issue 16, ≤ 150 kB of JavaScript) and classic zod alone is about a third of it; mini brings only what these
 * two fields use. Issues have the same `{ path, code, params }` shape, so the same plain words apply.
 */
import { z } from "zod/mini";

export const EMAIL_MAX = 254;
export const PASSWORD_MAX = 200;

/** The one answer to a wrong email, a wrong password or an unconfirmed email: it never says which. */
export const BAD_CREDENTIALS = "Wrong email or password, or the email is not confirmed yet.";

export const signInEmailSchema = z.pipe(
  z.string().check(z.trim(), z.maxLength(EMAIL_MAX)),
  z.email({ error: "Enter a valid email address." }).check(z.toLowerCase()),
);

export const signInSchema = z.object({
  email: signInEmailSchema,
  // No minimum beyond "something": the password rules of the day apply when one is chosen, not when it is used.
  password: z.string().check(z.minLength(1, { error: "Enter your password." }), z.maxLength(PASSWORD_MAX)),
});
export type SignInInput = z.output<typeof signInSchema>;
