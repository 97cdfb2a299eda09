/**
 * The notification service: one domain event for one recipient becomes
 *   1. an in-app `Notification` row (id derived from eventKey + recipient; unique (eventKey, userId)),
 *   2. an email (row id and dedupeKey derived from the same pair) when the kind emails and the user allows it,
 *   3. one push per opted-in device (id derived from notification + device) when push is configured and allowed,
 * each sent by the worker (`emails` / `push` queues, payloads carry ids only, retried with backoff), and
 *   4. a `notification.new` event on the user's real-time channel, which the bell listens to.
 * Calling it again for the same event changes nothing and sends nothing new. Call it with `db` after the
 * transaction that made the change has committed, never inside it (the event would announce uncommitted data).
 */
import { env } from "@/env";
import { resolveLocale } from "@/lib/i18n/locales";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notification-kinds";
import type { Tx } from "@/server/db";
import { queueEmail } from "@/server/email/send-email";
import { logger } from "@/server/logger";
import { appUrl } from "@/server/email/templates";
import { enqueue, withinHandOverTime } from "@/server/queues/queues";
import { publishUserEvent } from "@/server/realtime/events";
import { notificationContent, type NotificationData } from "./content";
import { toNotificationDto, type NotificationDto } from "./dto";
import { emailDedupeKey, emailMessageId, notificationId, pushMessageId } from "./ids";
import { channelsFor } from "./preferences";
import { pushConfig } from "./push";
import { createUnsubscribeToken } from "./unsubscribe-token";

export const NOTIFICATION_EVENT = "notification.new";

export type NotifyInput<K extends NotificationKind> = { kind: K; recipientId: string; data: NotificationData[K]; eventKey: string };
export type NotifyResult = { notificationId: string; emailMessageId: string | null; pushMessageIds: string[] } | null;

export function unsubscribeUrl(userId: string, kind: NotificationKind): string {
  return appUrl(`/unsubscribe?token=${createUnsubscribeToken(env.NEXTAUTH_SECRET, userId, kind)}`);
}

export async function notify<K extends NotificationKind>(db: Tx, input: NotifyInput<K>): Promise<NotifyResult> {
  const { kind, recipientId, eventKey } = input;
  const user = await db.user.findUnique({ where: { id: recipientId }, select: { id: true, email: true, notificationEmail: true, locale: true } });
  if (!user) return null;
  const spec = NOTIFICATION_KINDS[kind];
  const unsubscribe = unsubscribeUrl(user.id, kind);
  // The recipient's saved language decides the row, its push and its email (English when they chose none).
  const content = notificationContent(kind, input.data, { unsubscribeUrl: unsubscribe, locale: resolveLocale({ saved: user.locale }) });

  const id = notificationId(eventKey, recipientId);
  await db.notification.createMany({
    data: [{ id, userId: recipientId, kind, eventKey, title: content.title, body: content.body, url: content.url }],
    skipDuplicates: true,
  });
  const notification = await db.notification.findUniqueOrThrow({ where: { id } });
  const channels = await channelsFor(db, recipientId, kind);

  let emailId: string | null = null;
  if (channels.email && content.email) {
    emailId = await queueEmail(db, {
      id: emailMessageId(eventKey, recipientId),
      dedupeKey: emailDedupeKey(eventKey, recipientId),
      kind,
      to: user.notificationEmail ?? user.email,
      userId: user.id,
      ...(spec.marketing ? { unsubscribeUrl: unsubscribe } : {}),
      ...(await content.email()),
    });
  }

  const pushIds: string[] = [];
  if (channels.push && pushConfig()) {
    const devices = await db.pushSubscription.findMany({ where: { userId: recipientId }, select: { id: true } });
    for (const device of devices) {
      const pid = pushMessageId(id, device.id);
      await db.pushMessage.createMany({ data: [{ id: pid, notificationId: id, subscriptionId: device.id }], skipDuplicates: true });
      const row = await db.pushMessage.findUnique({ where: { id: pid }, select: { status: true } });
      // The row is durable: a push Redis could not take now is queued by the outbox relay later.
      if (row?.status === "QUEUED") {
        await withinHandOverTime(enqueue("push", { kind: "send", pushMessageId: pid }, { jobId: `push-${pid}` })).catch((err) =>
          logger.warn({ err, pushMessageId: pid }, "could not queue a push now; the outbox relay will"),
        );
      }
      pushIds.push(pid);
    }
  }

  // Published on every call: a repeat only makes the bell refetch the same count.
  await publishUserEvent(recipientId, { type: NOTIFICATION_EVENT, notification: toNotificationDto(notification) });
  return { notificationId: id, emailMessageId: emailId, pushMessageIds: pushIds };
}

export type { NotificationDto };
