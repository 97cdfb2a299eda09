/**
 * Scooper onboarding with SCOOPER_APPROVAL=1: the claim is refused until the profile is complete, every required
 * active statement is accepted at its current wording, and an admin approved; a reworded statement must be
 * accepted again. Only the scooper writes their own profile; only admins manage statements (audited); the
 * profile photo is stripped of EXIF and shown only to the scooper, admins and their customers.
 */
import fs from "node:fs";
import sharp from "sharp";
import { afterAll, describe, expect, it, vi } from "vitest";

const storageDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/scoop-onboarding-${process.pid}-${Date.now()}`;
  Object.assign(process.env, { SCOOPER_APPROVAL: "1", STORAGE_DIR: dir });
  return dir;
});

import { GET as exportRoute } from "@/app/api/account/export/route";
import { POST as uploadPhoto } from "@/app/api/scooper/photo/route";
import { GET as getPhoto } from "@/app/api/scoopers/[id]/photo/route";
import { db } from "@/server/db";
import { getStorage } from "@/server/storage/storage";
import { callerFor, cast, createJobInState, createUser, validJobInput } from "@/test/factories";
import { sessionCookieFor } from "@/test/realtime-harness";
import { AWAITING_APPROVAL_MESSAGE } from "./scooper-approval";
import { ONBOARDING_INCOMPLETE_MESSAGE } from "./scooper-onboarding";

afterAll(() => fs.rmSync(storageDir, { recursive: true, force: true }));

const profile = { displayName: "Nell N.", serviceLat: 40.68, serviceLng: -73.97, serviceRadiusKm: 5 };

async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 20, g: 120, b: 200 } } })
    .jpeg()
    .withExif({ IFD0: { Make: "SpyCam", Copyright: "secret" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "40/1 41/1 0/1" } })
    .toBuffer();
}

function photoRequest(cookie: string | null, bytes: Buffer) {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), "me.jpg");
  const headers = new Headers({ "x-forwarded-for": `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
  if (cookie) headers.set("cookie", cookie);
  return uploadPhoto(new Request("http://x/api/scooper/photo", { method: "POST", body: form, headers }));
}

async function newScooper() {
  const user = await createUser(["SCOOPER"], { onboarded: false });
  return { ...user, api: callerFor(user) };
}

describe("scooper onboarding", () => {
  it("refuses the claim until profile, statements and approval are done; a reworded statement is accepted again", async () => {
    const { customer, admin } = await cast();
    const scooper = await newScooper();
    const statement = await admin.api.adminAttestations.create({ text: "I am 18 or older.", required: true });
    const optional = await admin.api.adminAttestations.create({ text: "I like dogs very much.", required: false });
    const { id: jobId } = await customer.api.jobs.post(validJobInput);
    const claim = () => scooper.api.jobs.claim({ jobId });

    // No profile: refused, and the board stays visible.
    expect((await scooper.api.jobs.openInViewport({ bounds: { south: 40.6, north: 40.8, west: -74.1, east: -73.9 } })).jobs.map((j) => j.id)).toContain(jobId);
    await expect(claim()).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: ONBOARDING_INCOMPLETE_MESSAGE });
    expect((await scooper.api.scooperOnboarding.mine()).status).toMatchObject({ profileDone: false, missingProfile: ["displayName", "photo", "serviceArea"], ready: false });

    // Name and area but no photo: still refused.
    await scooper.api.scooperOnboarding.saveProfile(profile);
    await expect(claim()).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: ONBOARDING_INCOMPLETE_MESSAGE });
    expect(await photoRequest(await sessionCookieFor(scooper.id), await jpegWithGps()).then((r) => r.status)).toBe(201);
    expect((await scooper.api.scooperOnboarding.mine()).status).toMatchObject({ profileDone: true, missingProfile: [], statementsDone: false });

    // Profile complete, the required statement not accepted (the optional one does not count).
    await scooper.api.scooperOnboarding.accept({ accepted: [{ id: optional.id, version: 1 }] });
    await expect(claim()).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: ONBOARDING_INCOMPLETE_MESSAGE });
    await scooper.api.scooperOnboarding.accept({ accepted: [{ id: statement.id, version: 1 }] });

    // Onboarded, awaiting approval.
    expect((await scooper.api.scooperOnboarding.mine()).status).toMatchObject({ statementsDone: true, approvalRequired: true, approved: false, ready: false });
    await expect(claim()).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: AWAITING_APPROVAL_MESSAGE });
    const [queued] = (await admin.api.adminScoopers.awaiting()).filter((u) => u.id === scooper.id);
    expect(queued).toMatchObject({ profile: { displayName: "Nell N.", hasPhoto: true, serviceRadiusKm: 5 } });
    expect(queued?.acceptances.map((a) => a.text).sort()).toEqual(["I am 18 or older.", "I like dogs very much."]);
    await admin.api.adminScoopers.approve({ userId: scooper.id });

    // The wording changes: version 2 must be accepted before the next claim.
    const reworded = await admin.api.adminAttestations.update({ id: statement.id, text: "I am 18 years of age or older.", required: true, active: true });
    expect(reworded.version).toBe(2);
    await expect(claim()).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: ONBOARDING_INCOMPLETE_MESSAGE });
    const mine = await scooper.api.scooperOnboarding.mine();
    expect(mine.attestations.find((a) => a.id === statement.id)).toMatchObject({ version: 2, acceptedAt: null, acceptedEarlierVersion: true });
    // Accepting the old version once more is refused: they read the new words first.
    await expect(scooper.api.scooperOnboarding.accept({ accepted: [{ id: statement.id, version: 1 }] })).rejects.toMatchObject({ code: "CONFLICT" });
    await scooper.api.scooperOnboarding.accept({ accepted: [{ id: statement.id, version: 2 }] });
    expect(await db.attestationAcceptance.findMany({ where: { userId: scooper.id, attestationId: statement.id }, orderBy: { version: "asc" }, select: { version: true, text: true } }))
      .toEqual([{ version: 1, text: "I am 18 or older." }, { version: 2, text: "I am 18 years of age or older." }]);

    await claim();
    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "CLAIMED", scooperId: scooper.id });
  });

  it("a deactivated or no-longer-required statement stops blocking; a grandfathered scooper skips the profile only", async () => {
    const { customer, admin } = await cast();
    const scooper = await newScooper();
    await db.user.update({ where: { id: scooper.id }, data: { scooperProfileWaivedAt: new Date(), scooperApprovedAt: new Date() } });
    // Statements other tests of this file created are accepted; this test's own is the one that blocks.
    const earlier = (await scooper.api.scooperOnboarding.mine()).attestations.map(({ id, version }) => ({ id, version }));
    if (earlier.length) await scooper.api.scooperOnboarding.accept({ accepted: earlier });
    const statement = await admin.api.adminAttestations.create({ text: "I carry liability insurance.", required: true });
    const { id: jobId } = await customer.api.jobs.post(validJobInput);
    await expect(scooper.api.jobs.claim({ jobId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: ONBOARDING_INCOMPLETE_MESSAGE });
    const off = await admin.api.adminAttestations.update({ id: statement.id, text: statement.text, required: true, active: false });
    expect(off).toMatchObject({ active: false, version: 1 });
    await scooper.api.jobs.claim({ jobId });
    expect(await db.auditLog.findMany({ where: { targetId: statement.id }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } }))
      .toEqual([{ action: "attestation.create", actorId: admin.id }, { action: "attestation.deactivate", actorId: admin.id }]);
  });

  it("only scoopers edit a profile (their own) and only admins manage statements", async () => {
    const { customer, scooper, otherScooper, admin } = await cast();
    await expect(customer.api.scooperOnboarding.saveProfile(profile)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(customer.api.scooperOnboarding.mine()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await photoRequest(await sessionCookieFor(customer.id), await jpegWithGps())).status).toBe(403);
    expect((await photoRequest(null, await jpegWithGps())).status).toBe(401);
    // The procedures take no user id: a scooper's save changes their own row only.
    await scooper.api.scooperOnboarding.saveProfile({ ...profile, displayName: "Mine Only" });
    expect(await db.scooperProfile.findUniqueOrThrow({ where: { userId: otherScooper.id } })).toMatchObject({ displayName: "Test Scooper" });
    await expect(scooper.api.scooperOnboarding.saveProfile({ ...profile, serviceRadiusKm: 7 })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const statement = await admin.api.adminAttestations.create({ text: "I have my own bags, gloves and scooper.", required: true });
    for (const caller of [customer, scooper]) {
      await expect(caller.api.adminAttestations.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.api.adminAttestations.create({ text: "I am a very good scooper.", required: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.api.adminAttestations.update({ id: statement.id, text: "Changed by the wrong person.", required: false, active: false })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.attestation.findUniqueOrThrow({ where: { id: statement.id } })).toMatchObject({ version: 1, required: true, active: true });
    await admin.api.adminAttestations.update({ id: statement.id, text: "I have my own bags, gloves and a scooper.", required: false, active: true });
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: statement.id, action: "attestation.update" } });
    expect(audit).toMatchObject({ actorId: admin.id, before: expect.objectContaining({ version: 1, required: true }), after: expect.objectContaining({ version: 2, required: false }) });
    await expect(admin.api.adminAttestations.create({ text: "short", required: true })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("stores the profile photo stripped of EXIF as a 512 px square, shown to the scooper, admins and their customers only", async () => {
    const { customer, admin } = await cast();
    const scooper = await newScooper();
    const stranger = await createUser(["CUSTOMER"]);
    const input = await jpegWithGps();
    expect((await sharp(input).metadata()).exif).toBeDefined();
    expect((await photoRequest(await sessionCookieFor(scooper.id), input)).status).toBe(201);
    const row = await db.scooperProfile.findUniqueOrThrow({ where: { userId: scooper.id } });
    const stored = await getStorage().get(row.photoKey!);
    const meta = await sharp(stored!).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 512, height: 512 });
    expect(meta.exif).toBeUndefined();
    // Not an image: refused, the stored photo kept.
    expect((await photoRequest(await sessionCookieFor(scooper.id), Buffer.from("not an image"))).status).toBe(400);
    expect((await db.scooperProfile.findUniqueOrThrow({ where: { userId: scooper.id } })).photoKey).toBe(row.photoKey);

    const view = async (viewerId: string | null) => {
      const headers = new Headers(viewerId ? { cookie: await sessionCookieFor(viewerId) } : {});
      return (await getPhoto(new Request(`http://x/api/scoopers/${scooper.id}/photo`, { headers }), { params: Promise.resolve({ id: scooper.id }) })).status;
    };
    expect(await view(scooper.id)).toBe(200);
    expect(await view(admin.id)).toBe(200);
    expect(await view(customer.id)).toBe(404);
    expect(await view(stranger.id)).toBe(404);
    expect(await view(null)).toBe(404);
    await createJobInState(customer, "CLAIMED", { scooper });
    expect(await view(customer.id)).toBe(200);
  });

  it("the data export carries the profile and accepted statements; deleting the account deletes the photo file", async () => {
    const { admin } = await cast();
    const scooper = await newScooper();
    const statement = await admin.api.adminAttestations.create({ text: "I pick up after every dog.", required: true });
    await scooper.api.scooperOnboarding.saveProfile(profile);
    const cookie = await sessionCookieFor(scooper.id);
    expect((await photoRequest(cookie, await jpegWithGps())).status).toBe(201);
    await scooper.api.scooperOnboarding.accept({ accepted: [{ id: statement.id, version: 1 }] });
    const { photoKey } = await db.scooperProfile.findUniqueOrThrow({ where: { userId: scooper.id }, select: { photoKey: true } });
    expect(await getStorage().get(photoKey!)).not.toBeNull();

    const exported = (await (await exportRoute(new Request("http://x/api/account/export", { headers: { cookie } }))).json()) as {
      scooperProfile: Record<string, unknown> | null;
      attestationsAccepted: { attestationId: string; version: number; text: string }[];
    };
    expect(exported.scooperProfile).toMatchObject({ displayName: "Nell N.", serviceRadiusKm: 5, hasPhoto: true });
    // The storage key is an internal address, not the user's data.
    expect(exported.scooperProfile).not.toHaveProperty("photoKey");
    expect(exported.attestationsAccepted).toEqual([expect.objectContaining({ attestationId: statement.id, version: 1, text: "I pick up after every dog." })]);

    await scooper.api.accounts.deleteAccount({ confirmEmail: scooper.email });
    expect(await db.scooperProfile.findUnique({ where: { userId: scooper.id } })).toBeNull();
    expect(await getStorage().get(photoKey!)).toBeNull();
  });
});
