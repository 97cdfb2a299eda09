/**
 * next-auth configuration: email + password (credentials) and email magic links, JWT sessions.
 * The JWT carries only the user id and session version; everything else is re-read per request by
 * src/server/auth/session.ts, so revocation is immediate.
 */
import crypto from "node:crypto";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import { env } from "@/env";
import { resolveLocale } from "@/lib/i18n/locales";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { verifyPassword } from "@/server/accounts/password";
import { BAD_CREDENTIALS, signInSchema } from "@/lib/schemas/accounts";
import { blockedMessage } from "@/server/accounts/status";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { headerLocale } from "@/server/i18n/caller-locale";
import { queueEmail } from "@/server/email/send-email";
import { magicLinkEmail } from "@/server/email/templates";
import { clientIp } from "@/server/security/client-ip";
import { enforceRateLimit, refundRateLimit, resetRateLimit } from "@/server/security/rate-limit";
import { publishSessionEnded } from "@/server/realtime/events";
import { scoopAdapter } from "./adapter";
import { endSession } from "./session-deny-list";
import { MAGIC_LINK_MAX_AGE_SECONDS } from "./magic-link";
import "./next-auth-url";

// Compared against when the email is unknown, so a missing account takes as long as a wrong password.
const DUMMY_HASH = "$2b$12$sMGqZIQi4mM2X3LH5p5/lukNODXNXvnTdRuopxOMqNuf2mu9YZVEG"; // bcrypt("scoop-dummy")
const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;
export { BAD_CREDENTIALS };

function plainHeaders(headers: Record<string, string | string[] | undefined>): Headers {
  const out = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === "string") out.set(name, value);
    else if (Array.isArray(value)) out.set(name, value.join(", "));
  }
  return out;
}

export async function authorizeCredentials(
  credentials: Record<string, string> | undefined,
  headers: Record<string, string | string[] | undefined>,
): Promise<{ id: string; email: string; name: string | null }> {
  // The sign-in rules (signInSchema, src/lib/schemas/accounts.ts): the limits the form checks, and the email format.
  const parsed = signInSchema.safeParse({ email: credentials?.email ?? "", password: credentials?.password ?? "" });
  if (!parsed.success) throw new Error(BAD_CREDENTIALS);
  const { email, password } = parsed.data;
  const ip = clientIp(headers);
  const subject = `${ip}|${email}`;
  // Refusals travel to the page as next-auth's error text: in the caller's language (cookie, Accept-Language).
  const locale = headerLocale(plainHeaders(headers));
  try {
    // Per address and email (guessing one password), and per address across emails (password spraying).
    await enforceRateLimit("sign-in", subject, env.RATE_LIMIT_SIGN_IN, "signInAttempts");
    await enforceRateLimit("sign-in-ip", ip, env.RATE_LIMIT_SIGN_IN_IP, "signInAttemptsNetwork");
  } catch (err) {
    throw new Error(err instanceof AppError ? err.messageIn(locale) : err instanceof Error ? err.message : "Too many sign-in attempts.");
  }
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, emailVerified: true, status: true, suspendedUntil: true, statusReason: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !ok || !user.emailVerified) throw new Error(BAD_CREDENTIALS);
  const blocked = blockedMessage(user, new Date(), locale);
  if (blocked) throw new Error(blocked);
  await resetRateLimit("sign-in", subject);
  // Only failures count across accounts, so a busy shared address (an office, the e2e runner) keeps signing in.
  await refundRateLimit("sign-in-ip", ip);
  return { id: user.id, email: user.email, name: user.name };
}

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  adapter: scoopAdapter,
  pages: { signIn: "/sign-in", verifyRequest: "/sign-in?check-email=1", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: (credentials, req) => authorizeCredentials(credentials, (req.headers ?? {}) as Record<string, string>),
    }),
    EmailProvider({
      maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
      // Sent through Scoop's mail pipeline. Unknown or blocked addresses silently get nothing, so the
      // page answers the same for every address.
      async sendVerificationRequest({ identifier, url }) {
        const email = identifier.toLowerCase();
        await enforceRateLimit("magic-link", email, env.RATE_LIMIT_MAGIC_LINK, "signInLinksEmail");
        const user = await db.user.findUnique({ where: { email }, select: { id: true, status: true, suspendedUntil: true, statusReason: true, locale: true } });
        if (!user || blockedMessage(user)) return;
        await queueEmail(db, { kind: "magic-link", to: email, userId: user.id, ...(await magicLinkEmail({ url, locale: resolveLocale({ saved: user.locale }) })) });
      },
    }),
  ],
  events: {
    // Sign-out ends this session on the server too: a copied cookie stops working over HTTP and WebSocket.
    async signOut({ token }) {
      if (typeof token?.sid !== "string") return;
      await endSession(db, token.sid, typeof token.exp === "number" ? token.exp : Math.floor(Date.now() / 1000) + SESSION_MAX_AGE_SECONDS);
      if (typeof token.uid === "string") await publishSessionEnded(token.uid, token.sid).catch(() => undefined);
    },
  },
  callbacks: {
    async signIn({ user }) {
      const row = await db.user.findUnique({ where: { id: user.id }, select: { status: true, suspendedUntil: true, statusReason: true } });
      if (!row) return false;
      const blocked = blockedMessage(row);
      return blocked ? "/sign-in?error=AccountBlocked" : true;
    },
    // Every callbackUrl next-auth follows (credentials, magic links, sign-out) stays on this site; a malformed
    // one goes home instead of failing the request.
    redirect({ url }) {
      return new URL(safeRedirectPath(url, env.APP_URL), env.APP_URL).toString();
    },
    async jwt({ token, user }) {
      if (user) {
        const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
        token.uid = user.id;
        token.sv = row.sessionVersion;
        // This session's own id, so signing out can end it alone (src/server/auth/session-deny-list.ts).
        token.sid = crypto.randomUUID();
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid };
    },
  },
};
