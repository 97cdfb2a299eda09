import crypto from "node:crypto";
import { env } from "@/env";
import { resolveLocale } from "@/lib/i18n/locales";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { queueEmail } from "@/server/email/send-email";
import { appUrl, passwordResetEmail } from "@/server/email/templates";
import { enforceRateLimit } from "@/server/security/rate-limit";
import { publishSessionsRevoked } from "@/server/realtime/events";
import { hashPassword } from "./password";

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

/**
 * Emails a single-use reset link when the address has an account. The caller always gets the same answer,
 * and the rate limits (per email, and per address across emails) apply whether or not the account exists, so nothing reveals who is registered.
 */
export async function requestPasswordReset(db: Db, email: string, meta: { ip: string }): Promise<{ status: "check-email" }> {
  await enforceRateLimit("password-reset-ip", meta.ip, env.RATE_LIMIT_PASSWORD_RESET_IP, "resetRequestsNetwork");
  await enforceRateLimit("password-reset", email, env.RATE_LIMIT_PASSWORD_RESET, "resetRequestsEmail");
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, status: true, locale: true } });
  if (user && user.status !== "BANNED") {
    const token = crypto.randomBytes(32).toString("base64url");
    const row = await db.passwordResetToken.create({
      data: { userId: user.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + env.PASSWORD_RESET_TTL_MINUTES * 60_000) },
      select: { id: true },
    });
    await queueEmail(db, {
      kind: "password-reset",
      to: user.email,
      userId: user.id,
      dedupeKey: `password-reset:${row.id}`,
      ...(await passwordResetEmail({ resetUrl: appUrl(`/reset-password?token=${token}`), ttlMinutes: env.PASSWORD_RESET_TTL_MINUTES, locale: resolveLocale({ saved: user.locale }) })),
    });
  }
  return { status: "check-email" };
}

/**
 * Sets a new password from a reset link. The token is consumed by a conditional update, so two concurrent
 * uses cannot both succeed. Every existing session ends (session version bump), and the email counts as
 * confirmed: the user just proved they read it.
 */
export async function resetPassword(db: Db, token: string, newPassword: string): Promise<{ email: string }> {
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    const now = new Date();
    const tokenHash = sha256(token);
    const consumed = await tx.passwordResetToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (consumed.count !== 1) throw new AppError("BAD_REQUEST", "account.resetLinkInvalid");
    const { user: before } = await tx.passwordResetToken.findUniqueOrThrow({
      where: { tokenHash },
      select: { user: { select: { id: true, emailVerified: true } } },
    });
    const userId = before.id;
    const user = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, emailVerified: before.emailVerified ?? now },
      select: { email: true },
    });
    await tx.passwordResetToken.deleteMany({ where: { userId, usedAt: null } });
    return { email: user.email, userId };
  }).then(async ({ email, userId }) => {
    await publishSessionsRevoked(userId).catch(() => undefined);
    return { email };
  });
}
