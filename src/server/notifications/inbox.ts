/** The in-app notification centre: a user's own notifications only (every query is scoped by userId). */
import type { Tx } from "@/server/db";
import { toNotificationDto, type NotificationDto } from "./dto";

export async function listNotifications(db: Tx, userId: string, opts: { limit: number; cursor?: string | null }) {
  const rows = await db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
    ...(opts.cursor ? { cursor: { id: opts.cursor }, skip: 1 } : {}),
    select: { id: true, kind: true, title: true, body: true, url: true, readAt: true, createdAt: true },
  });
  const items: NotificationDto[] = rows.slice(0, opts.limit).map(toNotificationDto);
  return { items, nextCursor: rows.length > opts.limit ? (items.at(-1)?.id ?? null) : null };
}

export function countUnread(db: Tx, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function markRead(db: Tx, userId: string, ids: string[]): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, id: { in: ids }, readAt: null }, data: { readAt: new Date() } });
  return count;
}

export async function markAllRead(db: Tx, userId: string): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return count;
}
