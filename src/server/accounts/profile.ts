import { z } from "zod";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { publishSessionsRevoked } from "@/server/realtime/events";
import { clearSuppressions, undeliverableAddresses, undeliverableSchema } from "@/server/email/suppressions";
import { hashPassword, verifyPassword } from "./password";
import { changePasswordSchema, selfServiceRoleSchema, updateProfileSchema } from "@/lib/schemas/accounts";
import type { Locale } from "@/lib/i18n/locales";

export const profileSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  notificationEmail: z.string().nullable(),
  roles: z.array(z.enum(["CUSTOMER", "SCOOPER", "ADMIN"])),
  hasPassword: z.boolean(),
  createdAt: z.date(),
  /** The user's addresses that bounced or complained: nothing but password resets is sent to them. */
  undeliverable: z.array(undeliverableSchema),
});
export type Profile = z.infer<typeof profileSchema>;

export async function getProfile(db: Tx, userId: string): Promise<Profile> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, notificationEmail: true, roles: true, passwordHash: true, createdAt: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "account.notFound");
  const { passwordHash, ...rest } = user;
  return { ...rest, hasPassword: !!passwordHash, undeliverable: await undeliverableAddresses(db, [user.email, user.notificationEmail]) };
}

/** Saves the language the user chose for the app, their emails and push messages. */
export async function setOwnLocale(db: Tx, userId: string, locale: Locale): Promise<{ locale: Locale }> {
  await db.user.update({ where: { id: userId }, data: { locale } });
  return { locale };
}

/** "My inbox works again": mail to the user's own addresses resumes (another bounce would stop it again). */
export async function retryOwnEmailAddresses(db: Tx, userId: string): Promise<Profile> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, notificationEmail: true } });
  if (!user) throw new AppError("NOT_FOUND", "account.notFound");
  await clearSuppressions(db, [user.email, user.notificationEmail]);
  return getProfile(db, userId);
}

export async function updateProfile(db: Tx, userId: string, input: z.infer<typeof updateProfileSchema>): Promise<Profile> {
  await db.user.update({ where: { id: userId }, data: { name: input.name, notificationEmail: input.notificationEmail } });
  return getProfile(db, userId);
}

/** A customer can become a scooper and vice versa; ADMIN is never self-service. */
export async function addOwnRole(db: Tx, userId: string, role: z.infer<typeof selfServiceRoleSchema>): Promise<Profile> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { roles: true } });
  if (!user.roles.includes(role)) await db.user.update({ where: { id: userId }, data: { roles: { push: role } } });
  return getProfile(db, userId);
}

/** Ends every session of the user, this one included: the browser signs in again with the new password. */
export async function changePassword(db: Db, userId: string, input: z.infer<typeof changePasswordSchema>): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (user.passwordHash && !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("BAD_REQUEST", "account.wrongPassword");
  }
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(input.newPassword), sessionVersion: { increment: 1 } },
  });
  await publishSessionsRevoked(userId).catch(() => undefined);
}

/** "Sign out everywhere": ends every session of the user, this one included (session version bump). */
export async function signOutEverywhere(db: Db, userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await publishSessionsRevoked(userId).catch(() => undefined);
}
