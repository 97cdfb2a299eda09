/**
 * Per user and kind: is email / push on? No row means the kind's defaults (everything it offers is on).
 * Required kinds (receipts) ignore preferences; the account emails (reset, sign-in links) never pass here.
 */
import { CONFIGURABLE_KINDS, NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notification-kinds";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";

export type Channels = { email: boolean; push: boolean };

export async function channelsFor(db: Tx, userId: string, kind: NotificationKind): Promise<Channels> {
  const spec = NOTIFICATION_KINDS[kind];
  if (spec.required) return { email: spec.email, push: spec.push };
  const pref = await db.notificationPreference.findUnique({ where: { userId_kind: { userId, kind } }, select: { email: true, push: true } });
  return { email: spec.email && (pref?.email ?? true), push: spec.push && (pref?.push ?? true) };
}

export type PreferenceDto = { kind: NotificationKind; email: boolean | null; push: boolean | null };

/** The profile page's list: each configurable kind with its channels (null = the kind has no such channel). */
export async function listPreferences(db: Tx, userId: string): Promise<PreferenceDto[]> {
  const rows = await db.notificationPreference.findMany({ where: { userId }, select: { kind: true, email: true, push: true } });
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  return CONFIGURABLE_KINDS.map((kind) => {
    const spec = NOTIFICATION_KINDS[kind];
    const row = byKind.get(kind);
    return { kind, email: spec.email ? (row?.email ?? true) : null, push: spec.push ? (row?.push ?? true) : null };
  });
}

export async function setPreference(db: Tx, userId: string, input: { kind: NotificationKind; email?: boolean; push?: boolean }): Promise<void> {
  if (!CONFIGURABLE_KINDS.includes(input.kind)) throw new AppError("BAD_REQUEST", "notification.alwaysOn");
  const current = await channelsFor(db, userId, input.kind);
  const next = { email: input.email ?? current.email, push: input.push ?? current.push };
  await db.notificationPreference.upsert({
    where: { userId_kind: { userId, kind: input.kind } },
    create: { userId, kind: input.kind, ...next },
    update: next,
  });
}

/** The signed-out unsubscribe link: turns one kind's email off. Idempotent. */
export async function unsubscribeEmail(db: Tx, userId: string, kind: NotificationKind): Promise<boolean> {
  if (!CONFIGURABLE_KINDS.includes(kind)) return false;
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) return false;
  await setPreference(db, userId, { kind, email: false });
  return true;
}
