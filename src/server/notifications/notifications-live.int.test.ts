import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createOpenJob, createUser } from "@/test/factories";
import { sessionCookieFor, startInstance, stopInstances, take, type Instance } from "@/test/realtime-harness";
import { nodeClient } from "@/test/trpc-ws-client";
import { notifyJobClaimed } from "./job-events";

type Received = { id: string; data: { type: string; notification?: { id: string; title: string; createdAt: Date } } };

describe("notifications.onNew over a real WebSocket", () => {
  let web: Instance;
  beforeAll(async () => {
    web = await startInstance();
  }, 60_000);
  afterAll(() => stopInstances([web]));

  it("delivers a new notification to its owner only, live, and refuses anonymous users", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER"], { name: "Riley" });
    const otherPoster = await createUser(["CUSTOMER"]);
    const job = await createOpenJob(poster.id);
    const otherJob = await createOpenJob(otherPoster.id);
    for (const id of [job.id, otherJob.id]) {
      await db.cleanupJob.update({ where: { id }, data: { status: "CLAIMED", scooperId: scooper.id, claimedAt: new Date() } });
    }

    const anonymous = nodeClient(web.url);
    await expect(take<Received>((h) => anonymous.client.notifications.onNew.subscribe(undefined, h), 1)).rejects.toMatchObject({
      data: { code: "UNAUTHORIZED" },
    });
    anonymous.close();

    const owner = nodeClient(web.url, { cookie: await sessionCookieFor(poster.id) });
    const events = await take<Received>(
      (h) => owner.client.notifications.onNew.subscribe(undefined, h),
      1,
      // Someone else's notification first: the owner must not receive it; then the owner's own.
      () => void setTimeout(async () => {
        await notifyJobClaimed(db, otherJob.id);
        await notifyJobClaimed(db, job.id);
      }, 300),
    );
    owner.close();
    const mine = await db.notification.findFirstOrThrow({ where: { userId: poster.id } });
    expect(events[0]!.data.type).toBe("notification.new");
    expect(events[0]!.data.notification).toMatchObject({ id: mine.id, title: "Your cleanup was claimed" });
    expect(events[0]!.data.notification!.createdAt).toBeInstanceOf(Date);
  });
});
