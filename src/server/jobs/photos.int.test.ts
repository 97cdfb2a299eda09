import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it, vi } from "vitest";

const storageDir = vi.hoisted(() => {
  // A private folder per file, and a small size cap so "oversized" needs no 10 MB buffer.
  const dir = `${process.env.TMPDIR ?? "/tmp"}/scoop-photos-${process.pid}-${Date.now()}`;
  process.env.STORAGE_DIR = dir;
  process.env.PHOTO_MAX_BYTES = String(200 * 1024);
  return dir;
});

import { db } from "@/server/db";
import { processJobPhoto, readJobPhoto, uploadJobPhoto } from "@/server/jobs/photos";
import { getStorage } from "@/server/storage/storage";
import { cast, createJobInState } from "@/test/factories";
import { POST } from "@/app/api/jobs/[id]/photos/route";
import { GET as getPhoto } from "@/app/api/jobs/[id]/photos/[photoId]/route";
import { signedPhotoUrl, withSignedPhotoUrls } from "@/server/jobs/photo-signature";
import { env } from "@/env";
import { callerFor } from "@/test/factories";
import { sessionCookieFor } from "@/test/realtime-harness";

afterAll(() => fs.rmSync(storageDir, { recursive: true, force: true }));

function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Make: "SpyCam", Copyright: "secret" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "40/1 41/1 0/1" } })
    .toBuffer();
}

describe("job photos", () => {
  it("stores an after photo stripped of EXIF/GPS, then the worker makes display and thumbnail copies", async () => {
    const { customer, scooper } = await cast();
    const job = await createJobInState(customer, "IN_PROGRESS", { scooper });
    const input = await jpegWithGps();
    expect((await sharp(input).metadata()).exif).toBeDefined();

    const { id } = await uploadJobPhoto(db, getStorage(), scooper, { jobId: job.id, kind: "AFTER", bytes: input });
    const row = await db.photo.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ jobId: job.id, kind: "AFTER", status: "PROCESSING", width: 64, height: 48 });
    const original = await getStorage().get(row.originalKey);
    const meta = await sharp(original!).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();

    await processJobPhoto(db, getStorage(), id);
    const ready = await db.photo.findUniqueOrThrow({ where: { id } });
    expect(ready.status).toBe("READY");
    const thumb = await readJobPhoto(db, getStorage(), scooper, job.id, id, "thumb");
    expect((await sharp(thumb.data).metadata()).width).toBe(320);
    // After photos are the parties' only.
    const { otherScooper } = await cast();
    await expect(readJobPhoto(db, getStorage(), otherScooper, job.id, id, "display")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(readJobPhoto(db, getStorage(), customer, job.id, id, "display")).resolves.toBeDefined();
  });

  it("serves a thumbnail to a signed-out email reader only through a signed link for that photo and size", async () => {
    const { customer, scooper } = await cast();
    const job = await createJobInState(customer, "IN_PROGRESS", { scooper });
    const { id } = await uploadJobPhoto(db, getStorage(), scooper, { jobId: job.id, kind: "AFTER", bytes: await jpegWithGps() });
    const params = { params: Promise.resolve({ id: job.id, photoId: id }) };
    const signed = signedPhotoUrl(job.id, id, "thumb");
    expect((await getPhoto(new Request(signed), params)).status).toBe(200);
    // Anonymous without a signature, a tampered signature, or another size: not found.
    expect((await getPhoto(new Request(signed.replace(/&exp=.*$/, "")), params)).status).toBe(404);
    // The signature's first character changed (to "x", or to "y" when it already was "x").
    expect((await getPhoto(new Request(signed.replace(/sig=(.)/, (_, c: string) => `sig=${c === "x" ? "y" : "x"}`)), params)).status).toBe(404);
    expect((await getPhoto(new Request(signed.replace("size=thumb", "size=original")), params)).status).toBe(404);
    // An expired link.
    const old = signedPhotoUrl(job.id, id, "thumb", Date.now() - 31 * 86_400_000);
    expect((await getPhoto(new Request(old), params)).status).toBe(404);
  });

  it("hands the parties signed, content-addressed photo URLs that a CDN may cache until they expire, and none to others", async () => {
    const { customer, scooper, otherScooper } = await cast();
    const job = await createJobInState(customer, "IN_PROGRESS", { scooper });
    const { id } = await uploadJobPhoto(db, getStorage(), scooper, { jobId: job.id, kind: "AFTER", bytes: await jpegWithGps() });
    await processJobPhoto(db, getStorage(), id);
    const params = { params: Promise.resolve({ id: job.id, photoId: id }) };
    const view = await callerFor(customer).jobs.byId({ jobId: job.id });
    const photo = view.photos.find((p) => p.id === id)!;
    expect(photo).not.toHaveProperty("originalKey");
    expect(photo.thumbUrl).toMatch(/[?&]v=[\w-]+&exp=\d+&sig=/);
    // Signed out (no cookie), as a CDN fetches it.
    const res = await getPhoto(new Request(`http://x${photo.thumbUrl}`), params);
    expect(res.status).toBe(200);
    const maxAge = Number(/max-age=(\d+)/.exec(res.headers.get("cache-control") ?? "")?.[1]);
    expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+, immutable$/);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(env.PHOTO_URL_TTL_SECONDS);
    // Another version of the file, or a forged one: not found.
    expect((await getPhoto(new Request(`http://x${photo.thumbUrl.replace(/v=[\w-]+/, "v=AAAAAAAAAAAAAAAA")}`), params)).status).toBe(404);
    // A shorter lifetime than the default, and an expired link.
    const short = withSignedPhotoUrls(job.id, { id, ...(await db.photo.findUniqueOrThrow({ where: { id }, select: { originalKey: true, displayKey: true, thumbKey: true } })) }, { ttlSeconds: 120 });
    const shortRes = await getPhoto(new Request(`http://x${short.url}`), params);
    expect(Number(/max-age=(\d+)/.exec(shortRes.headers.get("cache-control") ?? "")?.[1])).toBeLessThanOrEqual(120);
    const expired = withSignedPhotoUrls(job.id, { id, ...(await db.photo.findUniqueOrThrow({ where: { id }, select: { originalKey: true, displayKey: true, thumbKey: true } })) }, { ttlSeconds: 60, now: Date.now() - 120_000 });
    expect((await getPhoto(new Request(`http://x${expired.url}`), params)).status).toBe(404);
    // Someone who may not see the job's after photos is given no URL at all.
    await expect(callerFor(otherScooper).jobs.byId({ jobId: job.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("gives a scooper who let the claim go no new URL for its photos, and keeps cookie-checked answers out of every cache", async () => {
    const { customer, scooper } = await cast();
    const job = await createJobInState(customer, "CLAIMED", { scooper });
    const { id } = await uploadJobPhoto(db, getStorage(), scooper, { jobId: job.id, kind: "UNREACHABLE", bytes: await jpegWithGps() });
    await processJobPhoto(db, getStorage(), id);
    const params = { params: Promise.resolve({ id: job.id, photoId: id }) };
    const cookie = await sessionCookieFor(scooper.id);
    const unsigned = () => getPhoto(new Request(`http://x/api/jobs/${job.id}/photos/${id}?size=thumb`, { headers: { cookie } }), params);
    const photoIds = async (viewer: typeof scooper) => (await callerFor(viewer).jobs.byId({ jobId: job.id })).photos.map((p) => p.id);

    // While the claim is theirs: a signed URL, and the cookie-checked answer is private and never stored.
    expect((await callerFor(scooper).jobs.byId({ jobId: job.id })).photos.find((p) => p.id === id)?.thumbUrl).toMatch(/&sig=/);
    const held = await unsigned();
    expect(held.status).toBe(200);
    expect(held.headers.get("cache-control")).toBe("private, no-store");

    await callerFor(scooper).jobs.release({ jobId: job.id });
    // The job is open again and they may still see it, but no longer its photos: no URL, and the cookie is refused.
    expect(await photoIds(scooper)).not.toContain(id);
    expect((await unsigned()).status).toBe(404);
    expect(await photoIds(customer)).toContain(id);
  });

  it("refuses a non-image (whatever its name) and an oversized file, storing nothing", async () => {
    const { customer, scooper } = await cast();
    const job = await createJobInState(customer, "IN_PROGRESS", { scooper });
    const before = filesIn(storageDir).length;
    const notImage = Buffer.from("GIF89a definitely not an image, just text pretending");
    await expect(uploadJobPhoto(db, getStorage(), scooper, { jobId: job.id, kind: "AFTER", bytes: notImage })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const huge = await sharp({ create: { width: 2000, height: 2000, channels: 3, background: "#888" } }).png({ compressionLevel: 0 }).toBuffer();
    expect(huge.length).toBeGreaterThan(200 * 1024);
    // The limit in words is PHOTO_MAX_BYTES' own (200 KiB here), never rounded down to "0 MB".
    await expect(uploadJobPhoto(db, getStorage(), scooper, { jobId: job.id, kind: "AFTER", bytes: huge }))
      .rejects.toMatchObject({ code: "BAD_REQUEST", message: "The photo is larger than 0.19 MB." });
    expect(await db.photo.count({ where: { jobId: job.id } })).toBe(0);
    expect(filesIn(storageDir).length).toBe(before);
  });

  it("lets only the scooper add after photos while in progress, and only the poster add before photos", async () => {
    const { customer, scooper, otherScooper } = await cast();
    const image = await jpegWithGps();
    const job = await createJobInState(customer, "IN_PROGRESS", { scooper });
    await expect(uploadJobPhoto(db, getStorage(), customer, { jobId: job.id, kind: "AFTER", bytes: image })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(uploadJobPhoto(db, getStorage(), otherScooper, { jobId: job.id, kind: "AFTER", bytes: image })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const open = await createJobInState(customer, "OPEN");
    await expect(uploadJobPhoto(db, getStorage(), scooper, { jobId: open.id, kind: "BEFORE", bytes: image })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(uploadJobPhoto(db, getStorage(), customer, { jobId: open.id, kind: "BEFORE", bytes: image })).resolves.toHaveProperty("id");
  });

  it("the upload route refuses an anonymous request with 401 and stores nothing", async () => {
    const { customer } = await cast();
    const open = await createJobInState(customer, "OPEN");
    const form = new FormData();
    form.set("kind", "BEFORE");
    form.set("file", new Blob([new Uint8Array(await jpegWithGps())], { type: "image/jpeg" }), "a.jpg");
    const res = await POST(new Request(`http://x/api/jobs/${open.id}/photos`, { method: "POST", body: form }), { params: Promise.resolve({ id: open.id }) });
    expect(res.status).toBe(401);
    expect(await db.photo.count({ where: { jobId: open.id } })).toBe(0);
  });

  describe("idempotency key (the offline queue's retries)", () => {
    async function upload(jobId: string, cookie: string, key: string | null, bytes: Buffer) {
      const form = new FormData();
      form.set("kind", "AFTER");
      if (key !== null) form.set("key", key);
      form.set("file", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), "after.jpg");
      const headers = new Headers({ cookie, "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
      return POST(new Request(`http://x/api/jobs/${jobId}/photos`, { method: "POST", body: form, headers }), { params: Promise.resolve({ id: jobId }) });
    }

    it("a repeated upload with the same key stores one photo and answers with the same id; concurrent repeats too", async () => {
      const { customer, scooper } = await cast();
      const job = await createJobInState(customer, "IN_PROGRESS", { scooper });
      const cookie = await sessionCookieFor(scooper.id);
      const bytes = await jpegWithGps();
      const first = await upload(job.id, cookie, "photo-key-aaaa-1", bytes);
      expect(first.status).toBe(201);
      const again = await upload(job.id, cookie, "photo-key-aaaa-1", bytes);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual(await first.json());
      const racing = await Promise.all([upload(job.id, cookie, "photo-key-bbbb-2", bytes), upload(job.id, cookie, "photo-key-bbbb-2", bytes)]);
      expect(racing.map((r) => r.status).sort()).toEqual([200, 201]);
      const ids = await Promise.all(racing.map((r) => r.json() as Promise<{ id: string }>));
      expect(ids[0]!.id).toBe(ids[1]!.id);
      expect(await db.photo.count({ where: { jobId: job.id } })).toBe(2);
      // Only the stored photos' files remain: the losing racer's original was removed.
      expect(filesIn(path.join(storageDir, "jobs", job.id))).toHaveLength(2);
      // Without a key every upload is a new photo, as before.
      expect((await upload(job.id, cookie, null, bytes)).status).toBe(201);
      expect(await db.photo.count({ where: { jobId: job.id } })).toBe(3);
    });

    it("a key is the uploader's own: reusing it for another job is refused, and another scooper cannot replay it", async () => {
      const { customer, scooper, otherScooper } = await cast();
      const job = await createJobInState(customer, "IN_PROGRESS", { scooper });
      const other = await createJobInState(customer, "IN_PROGRESS", { scooper });
      const bytes = await jpegWithGps();
      expect((await upload(job.id, await sessionCookieFor(scooper.id), "photo-key-cccc-3", bytes)).status).toBe(201);
      const reused = await upload(other.id, await sessionCookieFor(scooper.id), "photo-key-cccc-3", bytes);
      expect(reused.status).toBe(409);
      // The same key from a scooper who does not hold the job: the server's rule still refuses the photo.
      expect((await upload(job.id, await sessionCookieFor(otherScooper.id), "photo-key-cccc-3", bytes)).status).toBe(404);
      expect(await db.photo.count({ where: { jobId: { in: [job.id, other.id] } } })).toBe(1);
      expect((await upload(job.id, await sessionCookieFor(scooper.id), "bad key!", bytes)).status).toBe(400);
    });
  });
});
