/**
 * Account limits without zod, for the schemas in ./accounts.ts and for the sign-in form, which checks them in the
 * browser with react-hook-form's own rules: zod's core alone is ~30 kB compressed, a fifth of the sign-in page's
 * 150 kB budget (issue 16); next-auth's credentials check applies the full schema (`signInSchema`).
 */
export const NAME_MAX = 80;
export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** The one answer to a wrong email, a wrong password or an unconfirmed email: it never says which. */
export const BAD_CREDENTIALS = "Wrong email or password, or the email is not confirmed yet.";
