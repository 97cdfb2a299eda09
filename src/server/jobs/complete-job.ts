import type { Db } from "@/server/db";
import { announceJobChange } from "./announce";
import { jobChangeNotification } from "@/server/notifications/job-change";
import { commitWithEffects } from "@/server/outbox/outbox";
import { AppError } from "@/server/errors";
import { jobRules } from "./config";
import { isJobScooper, type JobActor } from "./job-access";
import { scheduleJobTimer } from "./timers";
import { loadVisibleJob, requireState, transition } from "./transition";

const ALREADY_DONE = new Set<string>(["COMPLETED", "CONFIRMED", "DISPUTED", "RESOLVED"]);

/**
 * When the scooper tapped "Complete" on their device (the offline queue sends it later), kept for the timeline only:
 * clamped to the claim's lifetime (not before the claim, not after the server received it), because a device clock
 * is the client's word. Absent, it is the server's receipt time.
 */
export function boundTappedAt(tappedAt: Date | null | undefined, claimedAt: Date | null, receivedAt: Date): Date {
  if (!tappedAt) return receivedAt;
  const earliest = claimedAt?.getTime() ?? receivedAt.getTime();
  return new Date(Math.min(receivedAt.getTime(), Math.max(earliest, tappedAt.getTime())));
}

/**
 * IN_PROGRESS → COMPLETED by the claiming scooper, with at least one after photo; auto-confirm is scheduled from the
 * server's receipt (never from `tappedAt`), so a completion sent late never shortens the poster's time to dispute.
 */
export async function completeJob(db: Db, actor: JobActor, jobId: string, opts: { pickupCount?: number | null; tappedAt?: Date | null } = {}) {
  const job = await loadVisibleJob(db, jobId, actor);
  if (!isJobScooper(job, actor)) throw new AppError("FORBIDDEN", "job.onlyScooperCompletes");
  // A resend whose first answer was lost (the offline queue) learns that its completion already landed.
  if (ALREADY_DONE.has(job.status)) throw new AppError("CONFLICT", "job.alreadyDone");
  requireState(job, ["IN_PROGRESS"], "completed");
  const now = new Date();
  const claim = await db.cleanupJob.findUnique({ where: { id: jobId }, select: { claimedAt: true } });
  const tappedAt = boundTappedAt(opts.tappedAt, claim?.claimedAt ?? null, now);
  const autoConfirmAt = new Date(now.getTime() + jobRules.autoConfirmMs);
  await commitWithEffects(db, async (tx, emit) => {
    const afterPhotos = await tx.photo.count({ where: { jobId, kind: "AFTER", status: { not: "FAILED" } } });
    if (afterPhotos < 1) throw new AppError("PRECONDITION_FAILED", "job.afterPhotoRequired");
    await transition(tx, {
      jobId,
      from: "IN_PROGRESS",
      to: "COMPLETED",
      event: "completed",
      actorId: actor.id,
      where: { scooperId: actor.id },
      data: { completedAt: now, autoConfirmAt, pickupCount: opts.pickupCount ?? null },
      details: { afterPhotos, pickupCount: opts.pickupCount ?? null, autoConfirmAt: autoConfirmAt.toISOString(), tappedAt: tappedAt.toISOString() },
    });
    emit(jobChangeNotification(jobId, "completed"));
  });
  // Both at once; the new state is known, so the announcement reads nothing.
  await Promise.all([scheduleJobTimer("auto-confirm", jobId, autoConfirmAt), announceJobChange(db, jobId, "completed", { status: "COMPLETED" })]);
  return { autoConfirmAt };
}
