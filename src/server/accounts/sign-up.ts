import { Prisma } from "@/generated/prisma/client";
import { env } from "@/env";
import { TERMS_VERSION } from "@/lib/legal";
import type { Tx } from "@/server/db";
import { createMagicLink } from "@/server/auth/magic-link";
import { queueEmail } from "@/server/email/send-email";
import { accountExistsEmail, confirmSignUpEmail, appUrl } from "@/server/email/templates";
import { enforceRateLimit } from "@/server/security/rate-limit";
import { recipientLocale } from "@/server/i18n/caller-locale";
import type { Locale } from "@/lib/i18n/locales";
import { hashPassword } from "./password";
import type { SignUpInput } from "@/lib/schemas/accounts";

/**
 * Creates an account and emails a confirmation link that signs the user in. The answer is the same whether or
 * not the email was already registered (then the owner gets a "you already have an account" email instead),
 * and password sign-in waits for the confirmation, so sign-up never reveals who has an account.
 * `meta.locale` is the language the visitor signed up in: saved as the account's, so later emails follow it.
 */
export async function signUp(db: Tx, input: SignUpInput, meta: { ip: string; locale?: Locale }): Promise<{ status: "check-email" }> {
  await enforceRateLimit("sign-up", meta.ip, env.RATE_LIMIT_SIGN_UP, "signUpsNetwork");
  // Hash before looking the email up, so both branches take the same time.
  const passwordHash = await hashPassword(input.password);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    await queueAccountExists(db, input.email, existing.id);
    return { status: "check-email" };
  }
  try {
    const user = await db.user.create({
      data: { email: input.email, name: input.name, roles: input.roles, passwordHash, termsVersion: TERMS_VERSION, termsAcceptedAt: new Date(), locale: meta.locale ?? null },
      select: { id: true, email: true },
    });
    const url = await createMagicLink(db, user.email, "/profile?welcome=1");
    await queueEmail(db, { kind: "sign-up-confirmation", to: user.email, userId: user.id, ...(await confirmSignUpEmail({ url, locale: meta.locale })) });
  } catch (err) {
    // Two sign-ups for one new email at the same moment: the unique index lets one through.
    if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")) throw err;
    const winner = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
    await queueAccountExists(db, input.email, winner?.id ?? null);
  }
  return { status: "check-email" };
}

/** In the existing account's own language: it is the owner who reads it, not whoever typed the address. */
async function queueAccountExists(db: Tx, email: string, userId: string | null) {
  const locale = await recipientLocale(db, userId);
  return queueEmail(db, {
    kind: "account-exists",
    to: email,
    userId,
    ...(await accountExistsEmail({ signInUrl: appUrl("/sign-in"), resetUrl: appUrl("/forgot-password"), locale })),
  });
}
