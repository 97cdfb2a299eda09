/**
 * Browser push (Web Push). Off entirely unless VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT are set.
 * `web-push` does the protocol work (VAPID JWT, aes128gcm payload encryption); the request itself goes through
 * `fetch`, so every push service (and a test's fake one) is reached the same way. A 404/410 answer means the
 * browser dropped the subscription: the row (and its pending messages) is deleted instead of retried.
 */
import webpush from "web-push";
import { z } from "zod";
import { env } from "@/env";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { publicEndpointProblem } from "@/server/security/public-endpoint";

export type VapidConfig = { publicKey: string; privateKey: string; subject: string };

export function pushConfig(): VapidConfig | null {
  if (!env.VAPID_PUBLIC_KEY || !env.VAPID_PRIVATE_KEY || !env.VAPID_SUBJECT) return null;
  return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject: env.VAPID_SUBJECT };
}

export const pushSubscriptionInput = z.object({
  // Public https only (checked with DNS in savePushSubscription); http stays parseable for the tests' fake service.
  endpoint: z.url({ protocol: /^https?$/ }).max(2000),
  keys: z.object({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) }),
});

/** Stores this browser's subscription for `userId` (a device that changes hands moves to the new user). */
export async function savePushSubscription(db: Tx, userId: string, input: z.infer<typeof pushSubscriptionInput>, userAgent: string | null) {
  if (!pushConfig()) throw new AppError("PRECONDITION_FAILED", "notification.pushUnavailable");
  const problem = await publicEndpointProblem(input.endpoint);
  if (problem) throw new AppError("BAD_REQUEST", "notification.pushEndpointRefused", { problem });
  const data = { userId, p256dh: input.keys.p256dh, auth: input.keys.auth, userAgent: userAgent?.slice(0, 300) ?? null };
  await db.pushSubscription.upsert({ where: { endpoint: input.endpoint }, create: { endpoint: input.endpoint, ...data }, update: data });
}

export async function removePushSubscription(db: Tx, userId: string, endpoint: string): Promise<void> {
  await db.pushSubscription.deleteMany({ where: { endpoint, userId } });
}

export class PushSendError extends Error {
  constructor(readonly statusCode: number, body: string) {
    super(`push service answered ${statusCode}: ${body.slice(0, 200)}`);
  }
}

export async function deliverPush(db: Tx, pushMessageId: string): Promise<"sent" | "already-sent" | "missing" | "expired" | "disabled" | "refused"> {
  const message = await db.pushMessage.findUnique({
    where: { id: pushMessageId },
    select: {
      status: true,
      subscription: { select: { id: true, endpoint: true, p256dh: true, auth: true } },
      notification: { select: { id: true, title: true, body: true, url: true } },
    },
  });
  if (!message) return "missing";
  if (message.status === "SENT") return "already-sent";
  const config = pushConfig();
  if (!config) return "disabled";
  await db.pushMessage.update({ where: { id: pushMessageId }, data: { attempts: { increment: 1 } } });
  const { subscription, notification } = message;
  // Checked again at send time: a host name may have been pointed at an internal address since it was stored.
  const problem = await publicEndpointProblem(subscription.endpoint);
  if (problem) {
    await db.pushSubscription.deleteMany({ where: { id: subscription.id } });
    logger.warn({ subscriptionId: subscription.id, problem }, "push endpoint refused; subscription removed");
    return "refused";
  }
  const payload = JSON.stringify({ title: notification.title, body: notification.body, url: notification.url ?? "/", tag: notification.id });
  const request = webpush.generateRequestDetails({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, payload, {
    vapidDetails: config,
    TTL: 24 * 3600,
    contentEncoding: "aes128gcm",
  });
  try {
    const response = await fetch(request.endpoint, {
      method: request.method,
      headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])),
      body: request.body ? new Uint8Array(request.body) : null,
      signal: AbortSignal.timeout(10_000),
      // A redirect could point anywhere, including inside our network: treated as a failure.
      redirect: "manual",
    });
    if (response.status === 404 || response.status === 410) {
      // The browser unsubscribed or the subscription expired: forget the device (cascade drops its messages).
      await db.pushSubscription.deleteMany({ where: { id: subscription.id } });
      logger.info({ subscriptionId: subscription.id, status: response.status }, "push subscription gone; removed");
      return "expired";
    }
    if (!response.ok) throw new PushSendError(response.status, await response.text().catch(() => ""));
    await db.pushMessage.update({ where: { id: pushMessageId }, data: { status: "SENT", sentAt: new Date(), lastError: null } });
    return "sent";
  } catch (err) {
    const text = err instanceof Error ? err.message : String(err);
    await db.pushMessage.updateMany({ where: { id: pushMessageId }, data: { lastError: text.slice(0, 1000) } });
    logger.warn({ pushMessageId, err: text }, "push send failed; will retry");
    throw err;
  }
}

/** Called by the worker when BullMQ has given up on a push. */
export async function markPushFailed(db: Tx, pushMessageId: string): Promise<void> {
  await db.pushMessage.updateMany({ where: { id: pushMessageId, status: "QUEUED" }, data: { status: "FAILED" } });
}
