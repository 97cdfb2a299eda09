/**
 * Push endpoints are public https only (issue 20, server-side request forgery): refused when subscribing, and
 * again at send time for a row that points inward anyway. VAPID keys are set before app modules load.
 */
import crypto from "node:crypto";
import webpush from "web-push";
import { describe, expect, it } from "vitest";

const vapid = webpush.generateVAPIDKeys();
process.env.VAPID_PUBLIC_KEY = vapid.publicKey;
process.env.VAPID_PRIVATE_KEY = vapid.privateKey;
process.env.VAPID_SUBJECT = "mailto:test@example.test";

const { db } = await import("@/server/db");
const { callerFor, createUser } = await import("@/test/factories");
const { deliverPush } = await import("@/server/notifications/push");
const { startFakeHttpServer } = await import("@/test/fake-http-server");

const keys = { p256dh: "BOr4yH3Fv0kzmzWBZzJ0S8tDPf7Y3Bvb2OsmMXtv2gkX8fRxv1y6dJ0_zsAa4oj0kDmKSJ6WwbRAdwQpYNGzZ1c", auth: "c2VjcmV0c2VjcmV0MTIzNA" };

describe("push endpoints", () => {
  it.each([
    "https://169.254.169.254/latest/meta-data/",
    "https://127.0.0.1/push",
    "https://[::1]/push",
    "https://10.0.0.5/push",
    "https://localhost/push",
    "https://metadata.google.internal/x",
    "http://fcm.googleapis.com/fcm/send/abc",
    "https://user:pw@fcm.googleapis.com/x",
  ])("refuses %s when subscribing, storing nothing", async (endpoint) => {
    const user = await createUser(["CUSTOMER"]);
    await expect(callerFor(user).notifications.subscribePush({ endpoint, keys })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.pushSubscription.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses at send time an endpoint that points inward, without calling it", async () => {
    const fake = await startFakeHttpServer(() => ({ status: 201 }));
    try {
      const user = await createUser(["CUSTOMER"]);
      const subscription = await db.pushSubscription.create({ data: { userId: user.id, endpoint: `${fake.url}/inward`, ...keys } });
      const notification = await db.notification.create({ data: { id: crypto.randomUUID(), userId: user.id, kind: "job.claimed", eventKey: "t", title: "T", body: "B" } });
      const message = await db.pushMessage.create({ data: { id: crypto.randomUUID(), notificationId: notification.id, subscriptionId: subscription.id } });
      expect(await deliverPush(db, message.id)).toBe("refused");
      expect(fake.requests).toHaveLength(0);
      expect(await db.pushSubscription.count({ where: { id: subscription.id } })).toBe(0);
    } finally {
      await fake.close();
    }
  });
});
