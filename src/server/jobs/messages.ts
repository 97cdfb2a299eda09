/**
 * Job messages: the poster and the scooper holding the claim write to each other on the job page. Each message
 * belongs to one claim's conversation (`scooperId`), so a scooper who claims after a release never reads what
 * the poster wrote to the one before. Nobody else reads them, except admins once the job has a dispute (they are
 * evidence then). Photos go through the job photo pipeline (kind MESSAGE: decoded, EXIF stripped) and are attached
 * when the message is sent. The app never shows a party's email or phone to the other; the messages are kept with
 * the job. The recipient is notified through the outbox (kind `job.message`, per their preferences), and both
 * pages hear of the message on the job's real-time channel.
 */
import { z } from "zod";
import type { JobStatus } from "@/generated/prisma/enums";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { commitWithEffects, type OutboxEffect } from "@/server/outbox/outbox";
import { announceJobChange } from "./announce";
import { canSeeJob, isAdmin, isJobScooper, isPoster, type JobActor, type JobParties } from "./job-access";
import { photoUrl } from "./photo-urls";

/** A message photo's URLs: unsigned, so only a signed-in reader of the conversation gets it (photos.ts checks). */
const messagePhoto = (jobId: string, p: { id: string }) => ({ id: p.id, url: photoUrl(jobId, p.id, "display"), thumbUrl: photoUrl(jobId, p.id, "thumb") });

export const MESSAGE_MAX_CHARS = 1000;
export const MESSAGE_MAX_PHOTOS = 4;
/** Photos of kind MESSAGE one job may hold in all (every conversation, attached or not). */
export const MESSAGE_PHOTOS_PER_JOB = 40;

/** While the claim is active, and after the work until the poster confirms or disputes it. */
export const MESSAGING_STATES = ["CLAIMED", "IN_PROGRESS", "UNREACHABLE", "COMPLETED"] as const satisfies readonly JobStatus[];

export const sendMessageInputSchema = z
  .object({
    jobId: z.string().min(1).max(40),
    body: z.string().trim().max(MESSAGE_MAX_CHARS),
    photoIds: z.array(z.string().min(1).max(40)).max(MESSAGE_MAX_PHOTOS).default([]),
  })
  .refine((m) => m.body.length > 0 || m.photoIds.length > 0, { path: ["body"], message: "Write a message or add a photo." });
export type SendMessageInput = z.input<typeof sendMessageInputSchema>;

export const jobMessageSchema = z.object({
  id: z.string(),
  /** Which side wrote it; the other party is never named by email or phone. */
  from: z.enum(["poster", "scooper"]),
  mine: z.boolean(),
  body: z.string(),
  createdAt: z.date(),
  photos: z.array(z.object({ id: z.string(), url: z.string(), thumbUrl: z.string() })),
});
export type JobMessageDto = z.infer<typeof jobMessageSchema>;

/** The poster and the scooper holding the claim, in a state where messages are open. */
export function canWriteMessages(job: JobParties, viewer: JobActor | null): boolean {
  if (!job.scooperId || !(MESSAGING_STATES as readonly JobStatus[]).includes(job.status)) return false;
  return isPoster(job, viewer) || isJobScooper(job, viewer);
}

/**
 * Who reads the conversation with `conversationScooperId`: the poster, that scooper while they are still the job's
 * scooper, and admins once the job has a dispute.
 */
export function canReadConversation(job: JobParties & { hasDispute: boolean }, conversationScooperId: string, viewer: JobActor | null): boolean {
  if (isPoster(job, viewer)) return true;
  if (isJobScooper(job, viewer) && viewer!.id === conversationScooperId) return true;
  return isAdmin(viewer) && job.hasDispute;
}

const jobForMessages = { id: true, status: true, posterId: true, scooperId: true, exclusiveScooperId: true, exclusiveUntil: true, dispute: { select: { id: true } } } as const;

async function loadJob(db: Db | Tx, jobId: string, viewer: JobActor) {
  const job = await db.cleanupJob.findUnique({ where: { id: jobId }, select: jobForMessages });
  if (!job) throw new AppError("NOT_FOUND", "job.notFound");
  const { dispute, ...parties } = job;
  if (!canSeeJob(parties, viewer)) throw new AppError("NOT_FOUND", "job.notFound");
  return { ...parties, hasDispute: !!dispute };
}

/** The messages `viewer` may read on a job, oldest first. Anyone else (an admin without a dispute too) is FORBIDDEN. */
export async function listJobMessages(db: Db, viewer: JobActor, jobId: string): Promise<JobMessageDto[]> {
  const job = await loadJob(db, jobId, viewer);
  const poster = isPoster(job, viewer);
  const scooper = isJobScooper(job, viewer);
  if (!poster && !scooper && !(isAdmin(viewer) && job.hasDispute)) {
    throw new AppError("FORBIDDEN", "message.private");
  }
  const rows = await db.jobMessage.findMany({
    // The scooper reads only their own conversation; the poster and a dispute's admin read every one.
    where: { jobId, ...(scooper && !poster && !isAdmin(viewer) ? { scooperId: viewer.id } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true, senderId: true, body: true, createdAt: true,
      photos: { where: { status: { not: "FAILED" } }, orderBy: { createdAt: "asc" }, select: { id: true } },
    },
  });
  return rows.map((m) => ({
    id: m.id,
    from: m.senderId === job.posterId ? "poster" : "scooper",
    mine: m.senderId === viewer.id,
    body: m.body,
    createdAt: m.createdAt,
    photos: m.photos.map((p) => messagePhoto(jobId, p)),
  }));
}

/** For the job page: may `viewer` write on this job now (the same rule `sendJobMessage` applies). */
export async function canWriteMessagesOnJob(db: Db, viewer: JobActor, jobId: string): Promise<boolean> {
  return canWriteMessages(await loadJob(db, jobId, viewer), viewer);
}

export function jobMessageNotification(messageId: string): OutboxEffect {
  return { queue: "notifications", payload: { kind: "job-message", messageId } };
}

/**
 * Sends one message. Photos must be MESSAGE photos this sender uploaded to this job and not yet sent; they are
 * attached in the same transaction (a second send of the same photo finds none left: CONFLICT).
 */
export async function sendJobMessage(db: Db, sender: JobActor, raw: SendMessageInput): Promise<JobMessageDto> {
  const input = sendMessageInputSchema.parse(raw);
  const job = await loadJob(db, input.jobId, sender);
  if (!canWriteMessages(job, sender)) {
    if (!isPoster(job, sender) && !isJobScooper(job, sender)) {
      throw new AppError("FORBIDDEN", "message.onlyParties");
    }
    throw new AppError("PRECONDITION_FAILED", "message.closed");
  }
  const photoIds = [...new Set(input.photoIds)];
  const message = await commitWithEffects(db, async (tx, emit) => {
    // Guarded on the claim read above: a release or a cancel racing the send leaves no message in a closed job.
    const stillOpen = await tx.cleanupJob.count({ where: { id: job.id, scooperId: job.scooperId, status: { in: [...MESSAGING_STATES] } } });
    if (stillOpen !== 1) throw new AppError("CONFLICT", "job.changed");
    const created = await tx.jobMessage.create({
      data: { jobId: job.id, scooperId: job.scooperId!, senderId: sender.id, body: input.body },
      select: { id: true, createdAt: true },
    });
    if (photoIds.length > 0) {
      const attached = await tx.photo.updateMany({
        where: { id: { in: photoIds }, jobId: job.id, uploaderId: sender.id, kind: "MESSAGE", messageId: null, status: { not: "FAILED" } },
        data: { messageId: created.id },
      });
      if (attached.count !== photoIds.length) throw new AppError("CONFLICT", "message.photoUnavailable");
    }
    emit(jobMessageNotification(created.id));
    return created;
  });
  await announceJobChange(db, job.id, "message");
  return {
    id: message.id,
    from: isPoster(job, sender) ? "poster" : "scooper",
    mine: true,
    body: input.body,
    createdAt: message.createdAt,
    photos: photoIds.map((id) => messagePhoto(job.id, { id })),
  };
}

/** May `viewer` see this MESSAGE photo: its uploader (before it is sent too), else whoever reads its conversation. */
export function canSeeMessagePhoto(
  job: JobParties & { hasDispute: boolean },
  photo: { uploaderId: string; message: { scooperId: string } | null },
  viewer: JobActor | null,
): boolean {
  if (viewer && photo.uploaderId === viewer.id) return true;
  return !!photo.message && canReadConversation(job, photo.message.scooperId, viewer);
}
