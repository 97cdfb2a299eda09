import crypto from "node:crypto";
import { z } from "zod";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { jobAmounts } from "@/lib/money";
import { approximateLocation } from "@/lib/privacy";
import type { JobDetail } from "./dto";
import { allowedActions, canReadAccessNotes, canSeeJob, isAdmin, isJobScooper, isPoster, type JobActor } from "./job-access";
import { disputeSelect } from "@/server/disputes/dto";
import { scooperRating } from "@/server/reviews/scooper-rating";
import { tipUntil } from "@/server/reviews/add-tip";
import { withSignedPhotoUrls } from "./photo-signature";

/** One load of the job page, sent by the page with every read of the job (src/lib/visit-id.ts makes it). */
export const visitIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

/**
 * A reveal of the access notes is logged once per viewer, job and visit (admins included; the poster wrote
 * them): the unique row absorbs refetches and concurrent reads of one visit, and the timeline event is written
 * only with a new row. A read without a visit id counts as its own visit.
 */
async function logNotesReveal(db: Db, jobId: string, viewerId: string, visitId: string | undefined, status: string) {
  await db.$transaction(async (tx) => {
    const row = await tx.accessNotesReveal.createMany({ data: [{ jobId, viewerId, visitId: visitId ?? crypto.randomUUID() }], skipDuplicates: true });
    if (row.count === 1) await tx.jobEvent.create({ data: { jobId, actorId: viewerId, type: "access_notes_revealed", details: { status } } });
  });
}

/**
 * One job as `viewer` may see it. Private access notes are filled in only for the poster, admins and the
 * scooper holding an active claim; a reveal to anyone but the poster is logged once per visit.
 */
export async function getJob(db: Db, viewer: JobActor | null, jobId: string, visitId?: string): Promise<JobDetail> {
  const job = await db.cleanupJob.findUnique({
    where: { id: jobId },
    select: {
      id: true, posterId: true, scooperId: true, status: true, lat: true, lng: true, address: true, priceCents: true,
      platformFeePercent: true, cancellationFeePercent: true, minCancelFeeCents: true, onMyWayAt: true, onMyWayEtaAt: true, unreachableAt: true, unreachableReason: true, unreachableNote: true,
      answerDeadlineAt: true, type: true, pileEstimate: true, litterLevel: true, yardSegments: true, publicNotes: true, accessNotes: true,
      createdAt: true, updatedAt: true, expiresAt: true, claimedAt: true, startDeadlineAt: true, startedAt: true,
      startDistanceM: true, startFlagged: true, completedAt: true, autoConfirmAt: true, pickupCount: true,
      confirmedAt: true, cancelledAt: true, cancelReason: true, expiredAt: true, exclusiveScooperId: true, exclusiveUntil: true,
      photos: { where: { status: { not: "FAILED" } }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, status: true, createdAt: true, originalKey: true, displayKey: true, thumbKey: true } },
      dispute: { select: disputeSelect },
      review: { select: { id: true, rating: true, comment: true, tipCents: true, createdAt: true } },
    },
  });
  if (!job || !canSeeJob(job, viewer)) throw new AppError("NOT_FOUND", "job.notFound");
  const review = job.review && { ...job.review, tipUntil: tipUntil(job.review) };
  const poster = isPoster(job, viewer);
  const scooper = isJobScooper(job, viewer);
  const admin = isAdmin(viewer);
  const party = poster || scooper || admin;
  const mayReadNotes = canReadAccessNotes(job, viewer);
  if (mayReadNotes && job.accessNotes && viewer && !poster) await logNotesReveal(db, jobId, viewer.id, visitId, job.status);
  const amounts = jobAmounts(job);
  // Before a claim only the poster and admins see the house number and exact pin; the claiming scooper gets them.
  const location = poster || scooper || admin ? job : approximateLocation(job);
  return {
    id: job.id, status: job.status, lat: location.lat, lng: location.lng, address: location.address, priceCents: job.priceCents,
    takeHomeCents: amounts.takeHomeCents, platformFeePercent: job.platformFeePercent, cancellationFeePercent: job.cancellationFeePercent,
    cancellationFeeCents: amounts.cancellationFeeCents, type: job.type, pileEstimate: job.pileEstimate, litterLevel: job.litterLevel,
    yardSegments: job.yardSegments, publicNotes: job.publicNotes,
    accessNotes: mayReadNotes ? job.accessNotes : null,
    hasAccessNotes: !!job.accessNotes,
    createdAt: job.createdAt, updatedAt: job.updatedAt, expiresAt: job.expiresAt, claimedAt: job.claimedAt,
    startDeadlineAt: job.startDeadlineAt, onMyWayAt: party ? job.onMyWayAt : null, onMyWayEtaAt: party ? job.onMyWayEtaAt : null,
    unreachable: party && job.unreachableAt && job.unreachableReason ? { at: job.unreachableAt, reason: job.unreachableReason, note: job.unreachableNote } : null,
    answerDeadlineAt: party ? job.answerDeadlineAt : null, startedAt: job.startedAt, completedAt: job.completedAt,
    autoConfirmAt: job.autoConfirmAt, confirmedAt: job.confirmedAt, cancelledAt: job.cancelledAt,
    cancelReason: party ? job.cancelReason : null, expiredAt: job.expiredAt,
    startDistanceM: party ? job.startDistanceM : null, startFlagged: party && job.startFlagged, pickupCount: job.pickupCount,
    // Before photos show the yard, which anyone deciding to claim may see; after photos only the parties.
    // Message photos belong to the messages (messages.ts), shown there to whoever reads the conversation.
    photos: job.photos.filter((p) => p.kind !== "MESSAGE" && (party || p.kind === "BEFORE")).map((p) => withSignedPhotoUrls(job.id, p)),
    viewer: { isPoster: poster, isScooper: scooper, isAdmin: admin },
    actions: allowedActions({ ...job, review }, viewer),
    dispute: party && job.dispute ? { ...job.dispute, adminNote: admin ? job.dispute.adminNote : null } : null,
    review: party && review ? { rating: review.rating, comment: review.comment, tipCents: review.tipCents, createdAt: review.createdAt, tipUntil: review.tipUntil } : null,
    scooperRating: (poster || admin) && job.scooperId ? await scooperRating(db, job.scooperId) : null,
  };
}
