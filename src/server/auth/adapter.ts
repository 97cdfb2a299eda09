/**
 * The part of next-auth's adapter interface the email (magic link) provider needs, on Scoop's own tables.
 * Accounts are created only by Scoop's sign-up (src/server/accounts/sign-up.ts), never by next-auth.
 */
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { db } from "@/server/db";

const userSelect = { id: true, email: true, name: true, emailVerified: true } as const;
const toAdapterUser = (u: { id: string; email: string; name: string | null; emailVerified: Date | null }): AdapterUser => ({ ...u });

export const scoopAdapter: Adapter = {
  async createUser() {
    throw new Error("Accounts are created through Scoop's sign-up, not by next-auth.");
  },
  async getUser(id) {
    const u = await db.user.findUnique({ where: { id }, select: userSelect });
    return u ? toAdapterUser(u) : null;
  },
  async getUserByEmail(email) {
    const u = await db.user.findUnique({ where: { email: email.toLowerCase() }, select: userSelect });
    return u ? toAdapterUser(u) : null;
  },
  async getUserByAccount() {
    return null;
  },
  async updateUser(user) {
    // next-auth only marks the email as verified after a link was used.
    const u = await db.user.update({
      where: { id: user.id },
      data: user.emailVerified ? { emailVerified: user.emailVerified } : {},
      select: userSelect,
    });
    return toAdapterUser(u);
  },
  async linkAccount() {
    return undefined;
  },
  async createVerificationToken(token) {
    await db.verificationToken.create({ data: token });
    return token;
  },
  async useVerificationToken({ identifier, token }) {
    try {
      return await db.verificationToken.delete({ where: { identifier_token: { identifier, token } } });
    } catch {
      return null; // already used or never existed
    }
  },
};
