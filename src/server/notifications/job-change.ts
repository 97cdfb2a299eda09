/**
 * Which job changes notify whom, sent from the worker: the transition only queues `{ jobId, change }` (ids
 * only), so a claim answers without waiting for rows, emails and pushes, and a failure is retried with backoff.
 * Every helper is idempotent per event (its eventKey), so a retried or duplicated job notifies once.
 */
import type { Db } from "@/server/db";
import { logger } from "@/server/logger";
import { enqueue } from "@/server/queues/queues";
import { signedPhotoUrl } from "@/server/jobs/photo-signature";
import { notifyJobClaimed, notifyJobCompleted, notifyJobConfirmed, notifyJobExpired, notifyJobReopened } from "./job-events";

export const NOTIFIED_JOB_CHANGES = ["claimed", "released", "reopened", "completed", "confirmed", "expired"] as const;
export type NotifiedJobChange = (typeof NOTIFIED_JOB_CHANGES)[number];

/** The completed-job email shows the after photos as signed thumbnail links (readable signed out). */
async function notifyCompletedWithThumbnails(db: Db, jobId: string) {
  const photos = await db.photo.findMany({ where: { jobId, kind: "AFTER", status: { not: "FAILED" } }, select: { id: true }, take: 4 });
  return notifyJobCompleted(db, jobId, { thumbnailUrls: photos.map((p) => signedPhotoUrl(jobId, p.id, "thumb")) });
}

const NOTIFY: Record<NotifiedJobChange, (db: Db, jobId: string) => Promise<unknown>> = {
  claimed: notifyJobClaimed,
  released: notifyJobReopened,
  reopened: notifyJobReopened,
  completed: notifyCompletedWithThumbnails,
  confirmed: notifyJobConfirmed,
  expired: notifyJobExpired,
};

export function isNotifiedJobChange(change: string): change is NotifiedJobChange {
  return (NOTIFIED_JOB_CHANGES as readonly string[]).includes(change);
}

export async function queueJobChangeNotification(jobId: string, change: NotifiedJobChange): Promise<void> {
  try {
    await enqueue("notifications", { kind: "job-change", jobId, change }, { attempts: 5, backoff: { type: "exponential", delay: 5_000 } });
  } catch (err) {
    logger.error({ err, jobId, change }, "could not queue a job notification");
  }
}

/** The worker's side. */
export function notifyJobChange(db: Db, jobId: string, change: NotifiedJobChange): Promise<unknown> {
  return NOTIFY[change](db, jobId);
}
