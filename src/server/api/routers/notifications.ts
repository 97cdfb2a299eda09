/**
 * The in-app notification centre, preferences and browser-push opt-in. Every procedure acts on the caller's
 * own notifications only. `onNew` follows the caller's user channel (listen, back-fill from `lastEventId`,
 * then live) and yields only notification events.
 */
import { tracked } from "@trpc/server";
import { z } from "zod";
import { NOTIFICATION_KIND_NAMES } from "@/lib/notification-kinds";
import { notificationDtoSchema, type NotificationDto } from "@/server/notifications/dto";
import { countUnread, listNotifications, markAllRead, markRead } from "@/server/notifications/inbox";
import { NOTIFICATION_EVENT } from "@/server/notifications/notify";
import { listPreferences, setPreference } from "@/server/notifications/preferences";
import { pushConfig, pushSubscriptionInput, removePushSubscription, savePushSubscription } from "@/server/notifications/push";
import { userChannel } from "@/server/realtime/events";
import { followChannel } from "@/server/realtime/follow";
import { createTRPCRouter, protectedProcedure } from "../trpc";

const kindSchema = z.enum(NOTIFICATION_KIND_NAMES as [string, ...string[]]).transform((k) => k as (typeof NOTIFICATION_KIND_NAMES)[number]);

type UserEvent = { type: typeof NOTIFICATION_EVENT; notification: NotificationDto } | { type: string };

export const notificationsRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.object({ limit: z.number().int().min(1).max(50).default(20), cursor: z.string().max(60).nullish() }).default({ limit: 20 }))
    .output(z.object({ items: z.array(notificationDtoSchema), nextCursor: z.string().nullable(), unread: z.number().int() }))
    .query(async ({ ctx, input }) => {
      const page = await listNotifications(ctx.db, ctx.session.user.id, input);
      return { ...page, unread: await countUnread(ctx.db, ctx.session.user.id) };
    }),

  unreadCount: protectedProcedure.output(z.number().int()).query(({ ctx }) => countUnread(ctx.db, ctx.session.user.id)),

  markRead: protectedProcedure
    .input(z.object({ ids: z.array(z.string().max(60)).min(1).max(100) }))
    .output(z.object({ updated: z.number().int() }))
    .mutation(async ({ ctx, input }) => ({ updated: await markRead(ctx.db, ctx.session.user.id, input.ids) })),

  markAllRead: protectedProcedure
    .output(z.object({ updated: z.number().int() }))
    .mutation(async ({ ctx }) => ({ updated: await markAllRead(ctx.db, ctx.session.user.id) })),

  preferences: protectedProcedure
    .output(z.array(z.object({ kind: z.string(), email: z.boolean().nullable(), push: z.boolean().nullable() })))
    .query(({ ctx }) => listPreferences(ctx.db, ctx.session.user.id)),

  setPreference: protectedProcedure
    .input(z.object({ kind: kindSchema, email: z.boolean().optional(), push: z.boolean().optional() }))
    .mutation(async ({ ctx, input }) => {
      await setPreference(ctx.db, ctx.session.user.id, input);
      return { ok: true };
    }),

  /** The VAPID public key the browser subscribes with; null when push is off. */
  pushConfig: protectedProcedure.output(z.object({ publicKey: z.string().nullable() })).query(() => ({ publicKey: pushConfig()?.publicKey ?? null })),

  subscribePush: protectedProcedure.input(pushSubscriptionInput).mutation(async ({ ctx, input }) => {
    await savePushSubscription(ctx.db, ctx.session.user.id, input, ctx.headers.get("user-agent"));
    return { ok: true };
  }),

  unsubscribePush: protectedProcedure.input(z.object({ endpoint: z.string().max(2000) })).mutation(async ({ ctx, input }) => {
    await removePushSubscription(ctx.db, ctx.session.user.id, input.endpoint);
    return { ok: true };
  }),

  /** New notifications of the signed-in user, live. */
  onNew: protectedProcedure.input(z.object({ lastEventId: z.string().max(40).nullish() }).optional()).subscription(async function* ({ ctx, input, signal }) {
    for await (const event of followChannel<UserEvent>(userChannel(ctx.session.user.id), input?.lastEventId, signal!)) {
      const data = event.data;
      if (data.type === "resync") yield tracked(event.id, { type: "resync" as const });
      else if (data.type === NOTIFICATION_EVENT && "notification" in data) {
        yield tracked(event.id, { type: NOTIFICATION_EVENT, notification: notificationDtoSchema.parse(data.notification) });
      }
    }
  }),
});
