/**
 * Job messages through the API and the real worker: who writes and reads, photos through the upload pipeline,
 * one notification per message to the other party (per preferences), the job channel's live event, admins only
 * in a dispute, and a later scooper who never reads an earlier claim's conversation.
 */
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { readJobPhoto, uploadJobPhoto } from "@/server/jobs/photos";
import { notifyJobMessage } from "@/server/notifications/job-events";
import { jobChannel } from "@/server/realtime/events";
import superjson from "superjson";
import { streamKey } from "@/server/realtime/event-log";
import { getRedis } from "@/server/redis";
import { getStorage } from "@/server/storage/storage";
import { addPhotoRow, cast, validJobInput } from "@/test/factories";
import { allEffectsDone } from "@/test/outbox";
import { startWorker, type RunningWorker } from "../../../worker/worker";

let running: RunningWorker;
beforeAll(async () => {
  running = await startWorker({ queues: ["notifications", "emails", "photos"], schedules: false });
});
afterAll(async () => {
  await Promise.all(running.workers.map((w) => w.close()));
});

const jpeg = () => sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 20, g: 120, b: 60 } } }).jpeg().withMetadata({ exif: { IFD0: { Copyright: "secret-gps" } } }).toBuffer();
/** The changes announced on a job's own channel so far (its Redis Stream). */
const announced = async (jobId: string) =>
  (await getRedis().xrange(streamKey(jobChannel(jobId)), "-", "+")).map(([, fields]) => superjson.parse<{ change: string }>(fields[1] ?? "null").change);
const messageNotes = (userId: string, jobId: string) => db.notification.findMany({ where: { userId, kind: "job.message", url: `/jobs/${jobId}` } });

async function claimedJob() {
  const c = await cast();
  const { id: jobId } = await c.customer.api.jobs.post(validJobInput);
  await c.scooper.api.jobs.claim({ jobId });
  return { ...c, jobId };
}

describe("job messages", () => {
  it("customer and scooper write to each other; each message notifies the other party once and is announced live", async () => {
    const { customer, scooper, jobId } = await claimedJob();
    const sent = await customer.api.jobMessages.send({ jobId, body: "  The side gate sticks, push hard.  " });
    expect(sent).toMatchObject({ from: "poster", mine: true, body: "The side gate sticks, push hard.", photos: [] });
    await scooper.api.jobMessages.send({ jobId, body: "Thanks, on it." });

    const asScooper = await scooper.api.jobMessages.list({ jobId });
    expect(asScooper.canWrite).toBe(true);
    expect(asScooper.messages.map((m) => [m.from, m.mine, m.body])).toEqual([
      ["poster", false, "The side gate sticks, push hard."],
      ["scooper", true, "Thanks, on it."],
    ]);
    expect((await customer.api.jobMessages.list({ jobId })).messages.map((m) => m.mine)).toEqual([true, false]);

    // Both messages were announced on the job's own channel.
    expect((await announced(jobId)).filter((c) => c === "message")).toHaveLength(2);

    await allEffectsDone();
    expect(await messageNotes(scooper.id, jobId)).toEqual([expect.objectContaining({ title: "New message from the customer", body: "The side gate sticks, push hard." })]);
    expect(await messageNotes(customer.id, jobId)).toEqual([expect.objectContaining({ body: "Thanks, on it." })]);
    const mail = await db.emailMessage.findMany({ where: { toAddress: scooper.email, kind: "job.message" } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain("The side gate sticks, push hard.");
    // The email names neither party's address: the app relays, it never exchanges contacts.
    expect(mail[0]!.text).not.toContain(customer.email);
    // A redelivered effect sends nothing new.
    const [first] = await db.jobMessage.findMany({ where: { jobId }, orderBy: { createdAt: "asc" }, take: 1 });
    await notifyJobMessage(db, first!.id);
    expect(await messageNotes(scooper.id, jobId)).toHaveLength(1);
    expect(await db.emailMessage.count({ where: { toAddress: scooper.email, kind: "job.message" } })).toBe(1);
  });

  it("respects the recipient's preferences: email off still leaves the in-app notice", async () => {
    const { customer, scooper, jobId } = await claimedJob();
    await customer.api.notifications.setPreference({ kind: "job.message", email: false, push: false });
    await scooper.api.jobMessages.send({ jobId, body: "Arriving soon" });
    await allEffectsDone();
    expect(await messageNotes(customer.id, jobId)).toHaveLength(1);
    expect(await db.emailMessage.count({ where: { toAddress: customer.email, kind: "job.message" } })).toBe(0);
  });

  it("sends photos through the upload pipeline (stripped), readable only by the conversation", async () => {
    const { customer, scooper, otherScooper, admin, jobId } = await claimedJob();
    const { id: photoId } = await uploadJobPhoto(db, getStorage(), scooper, { jobId, kind: "MESSAGE", bytes: await jpeg() });
    const stored = await db.photo.findUniqueOrThrow({ where: { id: photoId } });
    expect((await sharp((await getStorage().get(stored.originalKey))!).metadata()).exif).toBeUndefined();
    // Before it is sent only its uploader sees it.
    await expect(readJobPhoto(db, getStorage(), customer, jobId, photoId, "original")).rejects.toMatchObject({ code: "NOT_FOUND" });

    const sent = await scooper.api.jobMessages.send({ jobId, body: "", photoIds: [photoId] });
    expect(sent.photos.map((p) => p.id)).toEqual([photoId]);
    expect((await customer.api.jobMessages.list({ jobId })).messages[0]!.photos[0]!.url).toContain(photoId);
    expect((await readJobPhoto(db, getStorage(), customer, jobId, photoId, "original")).data.length).toBeGreaterThan(0);
    // Not a job photo: it is not listed with the job's photos, and admins (no dispute) and others cannot read it.
    expect((await customer.api.jobs.byId({ jobId })).photos.map((p) => p.id)).not.toContain(photoId);
    await expect(readJobPhoto(db, getStorage(), admin, jobId, photoId, "original")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readJobPhoto(db, getStorage(), otherScooper, jobId, photoId, "original")).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A photo goes out once; someone else's photo never.
    await expect(scooper.api.jobMessages.send({ jobId, body: "again", photoIds: [photoId] })).rejects.toMatchObject({ code: "CONFLICT" });
    const { id: customersPhoto } = await uploadJobPhoto(db, getStorage(), customer, { jobId, kind: "MESSAGE", bytes: await jpeg() });
    await expect(scooper.api.jobMessages.send({ jobId, body: "mine?", photoIds: [customersPhoto] })).rejects.toMatchObject({ code: "CONFLICT" });
    // Uploads are refused to anyone who may not write.
    await expect(uploadJobPhoto(db, getStorage(), admin, { jobId, kind: "MESSAGE", bytes: await jpeg() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await allEffectsDone();
    expect(await messageNotes(customer.id, jobId)).toEqual([expect.objectContaining({ body: "A photo about the cleanup at 12 Test Ave, Brooklyn." })]);
  });

  it("refuses anyone else: another scooper, an admin without a dispute, and empty or overlong messages", async () => {
    const { customer, otherScooper, admin, jobId } = await claimedJob();
    await customer.api.jobMessages.send({ jobId, body: "hello" });
    await expect(otherScooper.api.jobMessages.list({ jobId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(otherScooper.api.jobMessages.send({ jobId, body: "hi" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(admin.api.jobMessages.list({ jobId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(admin.api.jobMessages.send({ jobId, body: "hi" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(customer.api.jobMessages.send({ jobId, body: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(customer.api.jobMessages.send({ jobId, body: "x".repeat(1001) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.jobMessage.count({ where: { jobId } })).toBe(1);
  });

  it("is closed before a claim and after confirmation, but kept; an admin reads it as evidence in a dispute", async () => {
    const { customer, scooper, admin } = await cast();
    const { id: jobId } = await customer.api.jobs.post(validJobInput);
    await expect(customer.api.jobMessages.send({ jobId, body: "anyone?" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await scooper.api.jobs.claim({ jobId });
    await scooper.api.jobMessages.send({ jobId, body: "Done in 10" });
    await scooper.api.jobs.start({ jobId });
    await addPhotoRow(jobId, scooper);
    await scooper.api.jobs.complete({ jobId });
    await customer.api.jobMessages.send({ jobId, body: "You missed the back corner" });
    await customer.api.disputes.open({ jobId, reason: "INCOMPLETE", text: "Back corner skipped" });
    await expect(scooper.api.jobMessages.send({ jobId, body: "late" })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const evidence = await admin.api.jobMessages.list({ jobId });
    expect(evidence).toMatchObject({ canWrite: false });
    expect(evidence.messages.map((m) => [m.from, m.body])).toEqual([["scooper", "Done in 10"], ["poster", "You missed the back corner"]]);
    expect((await scooper.api.jobMessages.list({ jobId })).messages).toHaveLength(2);
  });

  it("a scooper who claims after a release does not read the earlier claim's conversation", async () => {
    const { customer, scooper, otherScooper } = await cast();
    const { id: jobId } = await customer.api.jobs.post(validJobInput);
    await scooper.api.jobs.claim({ jobId });
    await customer.api.jobMessages.send({ jobId, body: "Gate code is on the notes" });
    await scooper.api.jobs.release({ jobId });
    // The job is back on the board (anyone sees it), its messages are not.
    await expect(scooper.api.jobMessages.list({ jobId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await otherScooper.api.jobs.claim({ jobId });
    expect((await otherScooper.api.jobMessages.list({ jobId })).messages).toEqual([]);
    await otherScooper.api.jobMessages.send({ jobId, body: "Hi, new scooper here" });
    expect((await customer.api.jobMessages.list({ jobId })).messages.map((m) => m.body)).toEqual(["Gate code is on the notes", "Hi, new scooper here"]);
    expect((await otherScooper.api.jobMessages.list({ jobId })).messages.map((m) => m.body)).toEqual(["Hi, new scooper here"]);
  });

  it("keeps the conversation with the job when the sender deletes their account, without their words", async () => {
    const { customer, scooper, jobId } = await claimedJob();
    await customer.api.jobMessages.send({ jobId, body: "My phone is 555-0100" });
    await scooper.api.jobs.start({ jobId });
    await addPhotoRow(jobId, scooper);
    await scooper.api.jobs.complete({ jobId });
    await customer.api.jobs.confirm({ jobId });
    await customer.api.accounts.deleteAccount({ confirmEmail: customer.email });
    const kept = await scooper.api.jobMessages.list({ jobId });
    expect(kept.messages.map((m) => [m.from, m.body])).toEqual([["poster", "(deleted with the sender's account)"]]);
  });
});
