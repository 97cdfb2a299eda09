/**
 * Web Push against a fake push service on loopback. VAPID keys are generated here and set before any app
 * module reads the environment (app modules are imported dynamically below).
 */
import crypto from "node:crypto";
import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeHttpServer } from "@/test/fake-http-server";

const vapid = webpush.generateVAPIDKeys();
process.env.VAPID_PUBLIC_KEY = vapid.publicKey;
process.env.VAPID_PRIVATE_KEY = vapid.privateKey;
process.env.VAPID_SUBJECT = "mailto:test@example.test";
// The fake push service listens on loopback, which real endpoints may never use.
process.env.PUSH_ENDPOINT_TEST_HOSTS = "127.0.0.1";

const { db } = await import("@/server/db");
const { getQueue } = await import("@/server/queues/queues");
const { callerFor, createOpenJob, createUser } = await import("@/test/factories");
const { startQueueWorker } = await import("@/test/worker-harness");
const { notifyJobClaimed } = await import("./job-events");

/** A browser-like subscription: a P-256 public key and a 16-byte auth secret. */
function deviceKeys() {
  const { publicKey } = crypto.generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const jwk = publicKey.export({ format: "jwk" });
  const raw = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, "base64url"), Buffer.from(jwk.y!, "base64url")]);
  return { p256dh: raw.toString("base64url"), auth: crypto.randomBytes(16).toString("base64url") };
}

describe("browser push", () => {
  let fake: Awaited<ReturnType<typeof startFakeHttpServer>>;
  let worker: Awaited<ReturnType<typeof startQueueWorker>>;
  beforeAll(async () => {
    // /gone/* answers 410 like a push service whose subscription expired; everything else 201.
    fake = await startFakeHttpServer((req) => ({ status: req.url.startsWith("/gone/") ? 410 : 201 }));
    worker = await startQueueWorker("push");
  });
  afterAll(async () => {
    await worker.close();
    await fake.close();
  });

  async function claimedJobWithDevices(paths: string[]) {
    const poster = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER"]);
    for (const path of paths) {
      await callerFor(poster).notifications.subscribePush({ endpoint: `${fake.url}${path}`, keys: deviceKeys() });
    }
    const job = await createOpenJob(poster.id);
    await db.cleanupJob.update({ where: { id: job.id }, data: { status: "CLAIMED", scooperId: scooper.id, claimedAt: new Date() } });
    return { poster, job };
  }

  it("sends an encrypted, VAPID-signed push to each opted-in device, once", async () => {
    const { poster, job } = await claimedJobWithDevices([`/ok/${crypto.randomUUID()}`]);
    const result = await notifyJobClaimed(db, job.id);
    await notifyJobClaimed(db, job.id);
    expect(result!.pushMessageIds).toHaveLength(1);
    const pushJob = await getQueue("push").getJob(`push-${result!.pushMessageIds[0]}`);
    expect(await pushJob!.waitUntilFinished(worker.events, 10_000)).toBe("sent");

    const received = fake.requests.filter((r) => r.url.startsWith("/ok/"));
    expect(received).toHaveLength(1);
    expect(received[0]!.headers["content-encoding"]).toBe("aes128gcm");
    expect(received[0]!.headers.authorization).toMatch(new RegExp(`^vapid t=.+, k=${vapid.publicKey}$`));
    expect(received[0]!.body.includes(Buffer.from("claimed"))).toBe(false); // encrypted, not plain text
    expect(await db.pushMessage.findUniqueOrThrow({ where: { id: result!.pushMessageIds[0]! } })).toMatchObject({ status: "SENT", attempts: 1 });
    expect(await db.pushSubscription.count({ where: { userId: poster.id } })).toBe(1);
  });

  it("removes a subscription when the push service answers 410", async () => {
    const { poster, job } = await claimedJobWithDevices([`/gone/${crypto.randomUUID()}`]);
    expect(await db.pushSubscription.count({ where: { userId: poster.id } })).toBe(1);
    const result = await notifyJobClaimed(db, job.id);
    const pushJob = await getQueue("push").getJob(`push-${result!.pushMessageIds[0]}`);
    expect(await pushJob!.waitUntilFinished(worker.events, 10_000)).toBe("expired");
    expect(await db.pushSubscription.count({ where: { userId: poster.id } })).toBe(0);
    expect(await db.pushMessage.count({ where: { id: result!.pushMessageIds[0]! } })).toBe(0);
  });

  it("sends no push for a kind whose push the user turned off", async () => {
    const { poster, job } = await claimedJobWithDevices([`/ok/${crypto.randomUUID()}`]);
    await callerFor(poster).notifications.setPreference({ kind: "job.claimed", push: false });
    const result = await notifyJobClaimed(db, job.id);
    expect(result!.pushMessageIds).toEqual([]);
  });
});
