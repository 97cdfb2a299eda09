/**
 * What every job transition does after its transaction commits, in one place: tell the job's own channel
 * (poster, scooper, admins) and the public board, and notify the people concerned (in-app, email, push as each
 * allows). Called by the web request and the worker's timers alike. Money steps are queued by the transitions
 * themselves (src/server/payments/job-settlement.ts). A failure here is logged, never thrown: the change is
 * committed, clients that miss an event resync, and notifications are idempotent per event.
 */
import type { Db } from "@/server/db";
import { logger } from "@/server/logger";
import { publishBoardEvent, publishJobChange } from "@/server/realtime/events";
import { takeHomeCents } from "@/lib/money";
import { signedPhotoUrl } from "./photo-signature";
import { notifyJobClaimed, notifyJobCompleted, notifyJobConfirmed, notifyJobExpired, notifyJobReopened } from "@/server/notifications/job-events";

/** The completed-job email shows the after photos as signed thumbnail links (readable signed out). */
async function notifyCompletedWithThumbnails(db: Db, jobId: string) {
  const photos = await db.photo.findMany({ where: { jobId, kind: "AFTER", status: { not: "FAILED" } }, select: { id: true }, take: 4 });
  return notifyJobCompleted(db, jobId, { thumbnailUrls: photos.map((p) => signedPhotoUrl(jobId, p.id, "thumb")) });
}

const NOTIFY: Partial<Record<JobChange, (db: Db, jobId: string) => Promise<unknown>>> = {
  claimed: notifyJobClaimed,
  released: notifyJobReopened,
  reopened: notifyJobReopened,
  completed: notifyCompletedWithThumbnails,
  confirmed: notifyJobConfirmed,
  expired: notifyJobExpired,
};

export type JobChange = "posted" | "claimed" | "released" | "reopened" | "started" | "completed" | "confirmed" | "cancelled" | "expired" | "opened_to_all"
  | "disputed" | "dispute_responded" | "resolved";

const CLOSES_BOARD: Partial<Record<JobChange, "claimed" | "cancelled" | "expired">> = { claimed: "claimed", cancelled: "cancelled", expired: "expired" };
const OPENS_BOARD = new Set<JobChange>(["posted", "released", "reopened", "opened_to_all"]);

export async function announceJobChange(db: Db, jobId: string, change: JobChange): Promise<void> {
  try {
    const job = await db.cleanupJob.findUnique({
      where: { id: jobId },
      select: {
        id: true, status: true, lat: true, lng: true, address: true, priceCents: true, type: true, pileEstimate: true, litterLevel: true,
        yardSegments: true, createdAt: true, expiresAt: true, exclusiveScooperId: true, exclusiveUntil: true,
      },
    });
    if (!job) return;
    await publishJobChange({ jobId, status: job.status, change });
    const closed = CLOSES_BOARD[change];
    if (closed) await publishBoardEvent({ type: "job.closed", jobId, reason: closed });
    else if (OPENS_BOARD.has(change) && job.status === "OPEN") {
      const { exclusiveScooperId, exclusiveUntil, status: _status, ...board } = job;
      const exclusive = exclusiveScooperId && exclusiveUntil && exclusiveUntil > new Date() ? exclusiveScooperId : null;
      await publishBoardEvent({ type: "job.opened", job: { ...board, takeHomeCents: takeHomeCents(board.priceCents) }, onlyFor: exclusive });
    }
  } catch (err) {
    logger.error({ err, jobId, change }, "announcing a job change failed");
  }
  // The helpers never throw; they log and return null.
  await NOTIFY[change]?.(db, jobId);
}
