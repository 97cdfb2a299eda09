/**
 * A scooper's onboarding profile: display name, photo and service area (a centre pin and a radius from
 * SERVICE_RADII_KM). Only the scooper writes their own (the procedures take no user id). The photo goes through
 * the job photos' pipeline (reencode-image.ts: decoded, re-encoded without EXIF, size-capped) and is stored as a
 * 512 px square through the storage interface (local disk or S3).
 *
 * Who sees the photo: the scooper, admins, and a customer who posted a job this scooper holds or held (any
 * status: the customer may want to know who came). Nobody else: it is a face, not a board decoration.
 */
import crypto from "node:crypto";
import { z } from "zod";
import type { scooperProfileInputSchema } from "@/lib/schemas/scooper-onboarding";
import { can, type AppRole } from "@/lib/permissions";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { reencodeImage } from "@/server/storage/reencode-image";
import type { ObjectStorage } from "@/server/storage/storage";

export const PROFILE_PHOTO_PX = 512;

export const scooperProfileSchema = z.object({
  displayName: z.string().nullable(),
  hasPhoto: z.boolean(),
  /** Changes with each new photo, so the browser does not keep showing the old one. */
  photoVersion: z.string().nullable(),
  serviceLat: z.number().nullable(),
  serviceLng: z.number().nullable(),
  serviceRadiusKm: z.number().int().nullable(),
});
export type ScooperProfileDto = z.infer<typeof scooperProfileSchema>;

const select = { displayName: true, photoKey: true, serviceLat: true, serviceLng: true, serviceRadiusKm: true } as const;
type Row = { displayName: string | null; photoKey: string | null; serviceLat: number | null; serviceLng: number | null; serviceRadiusKm: number | null };

export function toProfileDto(row: Row | null): ScooperProfileDto {
  return {
    displayName: row?.displayName ?? null,
    hasPhoto: !!row?.photoKey,
    photoVersion: row?.photoKey?.match(/([^/]+)\.jpg$/)?.[1] ?? null,
    serviceLat: row?.serviceLat ?? null,
    serviceLng: row?.serviceLng ?? null,
    serviceRadiusKm: row?.serviceRadiusKm ?? null,
  };
}

export async function getScooperProfile(db: Db, userId: string): Promise<ScooperProfileDto> {
  return toProfileDto(await db.scooperProfile.findUnique({ where: { userId }, select }));
}

export async function saveScooperProfile(db: Db, userId: string, input: z.output<typeof scooperProfileInputSchema>): Promise<ScooperProfileDto> {
  const data = { displayName: input.displayName, serviceLat: input.serviceLat, serviceLng: input.serviceLng, serviceRadiusKm: input.serviceRadiusKm };
  const row = await db.scooperProfile.upsert({ where: { userId }, create: { userId, ...data }, update: data, select });
  return toProfileDto(row);
}

/** Stores a new profile photo (replacing and deleting the previous one). Only scoopers call it (the route checks). */
export async function uploadScooperPhoto(db: Db, storage: ObjectStorage, userId: string, bytes: Buffer): Promise<ScooperProfileDto> {
  const stripped = await reencodeImage(bytes, { square: PROFILE_PHOTO_PX, logContext: { userId } });
  const key = `scoopers/${userId}/${crypto.randomUUID()}.jpg`;
  await storage.put(key, stripped.data, "image/jpeg");
  const previous = await db.scooperProfile.findUnique({ where: { userId }, select: { photoKey: true } });
  const row = await db.scooperProfile.upsert({ where: { userId }, create: { userId, photoKey: key }, update: { photoKey: key }, select });
  if (previous?.photoKey) await storage.delete(previous.photoKey);
  return toProfileDto(row);
}

/** The photo's bytes for `viewer` under the rule above, or NOT_FOUND (also for someone not allowed to see it). */
export async function readScooperPhoto(db: Db, storage: ObjectStorage, viewer: { id: string; roles: readonly AppRole[] } | null, scooperId: string) {
  if (!viewer) throw new AppError("NOT_FOUND", "photo.notFound");
  const allowed = viewer.id === scooperId || can(viewer.roles, "admin.access")
    || (await db.cleanupJob.count({ where: { scooperId, posterId: viewer.id } })) > 0;
  const profile = allowed ? await db.scooperProfile.findUnique({ where: { userId: scooperId }, select: { photoKey: true } }) : null;
  const data = profile?.photoKey ? await storage.get(profile.photoKey) : null;
  if (!data) throw new AppError("NOT_FOUND", "photo.notFound");
  return data;
}
