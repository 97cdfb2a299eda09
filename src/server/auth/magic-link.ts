/**
 * Email sign-in links that next-auth's email provider accepts, created on the server (sign-up confirmation).
 * Mirrors next-auth 4.24's own link: a random token, stored as sha256(token + secret) in VerificationToken,
 * and the URL /api/auth/callback/email?callbackUrl&token&email. next-auth is pinned exactly in package.json;
 * src/server/auth/magic-link.int.test.ts and the sign-up e2e test fail if the format ever drifts.
 */
import crypto from "node:crypto";
import { env } from "@/env";
import type { Tx } from "@/server/db";

export const MAGIC_LINK_MAX_AGE_SECONDS = 24 * 3600;

export function hashVerificationToken(token: string): string {
  return crypto.createHash("sha256").update(`${token}${env.NEXTAUTH_SECRET}`).digest("hex");
}

export async function createMagicLink(db: Tx, email: string, callbackPath: string): Promise<string> {
  const token = crypto.randomBytes(32).toString("hex");
  await db.verificationToken.create({
    data: { identifier: email, token: hashVerificationToken(token), expires: new Date(Date.now() + MAGIC_LINK_MAX_AGE_SECONDS * 1000) },
  });
  const params = new URLSearchParams({ callbackUrl: new URL(callbackPath, env.APP_URL).toString(), token, email });
  return new URL(`/api/auth/callback/email?${params}`, env.APP_URL).toString();
}
