/**
 * Job photos. The upload decodes the bytes with sharp (the only proof that a file is an image: names and
 * MIME types are the client's word), re-encodes without metadata (EXIF, GPS) and stores that as the original;
 * the worker then makes the display copy and the thumbnail. Nothing is stored when any check fails.
 */
import { megabytesForWords } from "@/lib/megabytes";
import crypto from "node:crypto";
import sharp from "sharp";
import type { PhotoKind } from "@/generated/prisma/enums";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { env } from "@/env";
import { AppError, type ErrorReason } from "@/server/errors";
import { commitWithEffects } from "@/server/outbox/outbox";
import { maxImageBytes, reencodeImage } from "@/server/storage/reencode-image";
import type { ObjectStorage } from "@/server/storage/storage";
import { allowedActions, canSeeJob, canSeeTimeline, type JobActor } from "./job-access";
import type { JobAction } from "./dto";
import { canSeeMessagePhoto, canWriteMessages, MESSAGE_PHOTOS_PER_JOB } from "./messages";
import type { PhotoVariant } from "./photo-urls";
import { photoVersion, storedKey } from "./photo-signature";

export const MAX_PHOTOS_PER_KIND = 10;
// Dispute photos: the poster's while opening one (COMPLETED), the scooper's while responding (DISPUTED).
const UPLOAD_NEEDS: Record<Exclude<PhotoKind, "MESSAGE">, JobAction[]> = {
  BEFORE: ["uploadBeforePhoto"],
  AFTER: ["uploadAfterPhoto"],
  DISPUTE: ["openDispute", "respondToDispute"],
  UNREACHABLE: ["reportUnreachable"],
};
const UPLOAD_REFUSED: Record<PhotoKind, ErrorReason> = {
  BEFORE: "photo.refusedBefore",
  AFTER: "photo.refusedAfter",
  DISPUTE: "photo.refusedDispute",
  UNREACHABLE: "photo.refusedUnreachable",
  MESSAGE: "photo.refusedMessage",
};
const DISPLAY_MAX_PX = 1600;
const THUMB_PX = 320;

export function maxPhotoBytes(): number {
  return maxImageBytes();
}

export async function uploadJobPhoto(
  db: Db,
  storage: ObjectStorage,
  actor: JobActor,
  input: { jobId: string; kind: PhotoKind; bytes: Buffer; clientKey?: string | null },
): Promise<{ id: string; replayed: boolean }> {
  const { jobId, kind, bytes } = input;
  const clientKey = input.clientKey ?? null;
  if (bytes.length > env.PHOTO_MAX_BYTES) {
    throw new AppError("BAD_REQUEST", "photo.tooLarge", { megabytes: megabytesForWords(env.PHOTO_MAX_BYTES) });
  }
  if (bytes.length === 0) throw new AppError("BAD_REQUEST", "photo.empty");
  const job = await db.cleanupJob.findUnique({
    where: { id: jobId },
    select: {
      status: true, posterId: true, scooperId: true, exclusiveScooperId: true, exclusiveUntil: true,
      dispute: { select: { respondedAt: true, responseDeadlineAt: true } },
    },
  });
  if (!job || !canSeeJob(job, actor)) throw new AppError("NOT_FOUND", "job.notFound");
  // A retry of a photo that already landed (its answer was lost to a dropped connection) returns that photo and
  // stores nothing: checked before the action rules, because it adds nothing the scooper was not allowed to add.
  const replay = clientKey ? await findReplayedPhoto(db, actor.id, clientKey, { jobId, kind }) : null;
  if (replay) return { id: replay, replayed: true };
  const actions = allowedActions(job, actor);
  // Message photos follow the messages' own rule (messages.ts), not a job action.
  const mayUpload = kind === "MESSAGE" ? canWriteMessages(job, actor) : UPLOAD_NEEDS[kind].some((a) => actions.includes(a));
  if (!mayUpload) throw new AppError("FORBIDDEN", UPLOAD_REFUSED[kind]);
  const maxOfKind = kind === "MESSAGE" ? MESSAGE_PHOTOS_PER_JOB : MAX_PHOTOS_PER_KIND;
  const count = await db.photo.count({ where: { jobId, kind, status: { not: "FAILED" } } });
  if (count >= maxOfKind) throw new AppError("PRECONDITION_FAILED", "photo.tooMany", { max: maxOfKind, kind });

  const stripped = await reencodeImage(bytes, { logContext: { jobId } });

  const id = crypto.randomUUID();
  const originalKey = `jobs/${jobId}/${id}/original.jpg`;
  await storage.put(originalKey, stripped.data, "image/jpeg");
  try {
    // The row and its processing (an outbox effect) commit together: the copies are made even if Redis is down
    // right now (the relay queues them later); the original is served meanwhile.
    await commitWithEffects(db, async (tx, emit) => {
      await tx.photo.create({
        data: {
          id, jobId, uploaderId: actor.id, kind, status: "PROCESSING", originalKey, mimeType: "image/jpeg",
          width: stripped.info.width, height: stripped.info.height, bytes: stripped.data.length, clientKey,
        },
      });
      emit({ queue: "photos", payload: { kind: "process-photo", photoId: id }, key: `photo-${id}` });
    });
  } catch (err) {
    await storage.delete(originalKey);
    // Two sends of the same photo at once: the unique (uploader, key) index lets one row in; the other returns it.
    if (clientKey && err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const winner = await findReplayedPhoto(db, actor.id, clientKey, { jobId, kind });
      if (winner) return { id: winner, replayed: true };
    }
    throw err;
  }
  return { id, replayed: false };
}

/** The photo this uploader already stored under `clientKey`; a key reused for another job or kind is refused. */
async function findReplayedPhoto(db: Db, uploaderId: string, clientKey: string, expected: { jobId: string; kind: PhotoKind }) {
  const existing = await db.photo.findUnique({ where: { uploaderId_clientKey: { uploaderId, clientKey } }, select: { id: true, jobId: true, kind: true } });
  if (!existing) return null;
  if (existing.jobId !== expected.jobId || existing.kind !== expected.kind) {
    throw new AppError("CONFLICT", "photo.keyReused");
  }
  return existing.id;
}

/** Worker: the display copy and the thumbnail. Idempotent (same keys), so a retry just rewrites them. */
export async function processJobPhoto(db: Db, storage: ObjectStorage, photoId: string): Promise<void> {
  const photo = await db.photo.findUnique({ where: { id: photoId }, select: { id: true, jobId: true, originalKey: true } });
  if (!photo) return;
  const original = await storage.get(photo.originalKey);
  if (!original) {
    await db.photo.update({ where: { id: photoId }, data: { status: "FAILED" } });
    return;
  }
  const base = photo.originalKey.replace(/original\.jpg$/, "");
  const displayKey = `${base}display.jpg`;
  const thumbKey = `${base}thumb.jpg`;
  const display = await sharp(original).resize(DISPLAY_MAX_PX, DISPLAY_MAX_PX, { fit: "inside", withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer();
  const thumb = await sharp(original).resize(THUMB_PX, THUMB_PX, { fit: "cover" }).jpeg({ quality: 75 }).toBuffer();
  await storage.put(displayKey, display, "image/jpeg");
  await storage.put(thumbKey, thumb, "image/jpeg");
  await db.photo.update({ where: { id: photoId }, data: { status: "READY", displayKey, thumbKey } });
}

/**
 * The bytes of one photo variant for `viewer`, or NOT_FOUND. Before photos follow the job's visibility; after
 * photos only its parties. Until the worker has made the copies, the stripped original stands in.
 */
export async function readJobPhoto(
  db: Db,
  storage: ObjectStorage,
  viewer: JobActor | null,
  jobId: string,
  photoId: string,
  variant: PhotoVariant,
  /** True when the request carries a valid signed link (photo-signature.ts) for exactly this photo and size. */
  signed = false,
) {
  const photo = await db.photo.findFirst({
    where: { id: photoId, jobId, status: { not: "FAILED" } },
    select: {
      kind: true, originalKey: true, displayKey: true, thumbKey: true, mimeType: true, uploaderId: true, message: { select: { scooperId: true } },
      job: { select: { status: true, posterId: true, scooperId: true, exclusiveScooperId: true, exclusiveUntil: true, dispute: { select: { respondedAt: true, responseDeadlineAt: true } } } },
    },
  });
  if (!photo || (!signed && (!canSeeJob(photo.job, viewer) || (photo.kind !== "BEFORE" && !canSeeTimeline(photo.job, viewer))))) {
    throw new AppError("NOT_FOUND", "photo.notFound");
  }
  // A message photo: only whoever reads its conversation (never through a signed link, which no email carries).
  if (photo.kind === "MESSAGE" && !canSeeMessagePhoto({ ...photo.job, hasDispute: !!photo.job.dispute }, photo, viewer)) {
    throw new AppError("NOT_FOUND", "photo.notFound");
  }
  const key = storedKey(photo, variant);
  const data = await storage.get(key);
  if (!data) throw new AppError("NOT_FOUND", "photo.notFound");
  return { data, contentType: photo.mimeType, version: photoVersion(key) };
}
