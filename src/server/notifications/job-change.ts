/**
 * Which job changes notify whom, sent from the worker: the transition emits `{ jobId, change }` (ids only) into
 * the outbox in its own transaction (src/server/outbox/), so a claim answers without waiting for rows, emails and
 * pushes, a failure is retried with backoff, and nothing is lost with Redis or the worker. Every helper is
 * idempotent per event (its eventKey), so a retried or duplicated delivery notifies once.
 */
import type { Db } from "@/server/db";
import type { OutboxEffect } from "@/server/outbox/outbox";
import { NOTIFIED_JOB_CHANGES } from "@/server/queues/definitions";
import { signedPhotoUrl } from "@/server/jobs/photo-signature";
import {
  notifyDisputeOpened, notifyDisputeResolved, notifyJobCancelled, notifyJobClaimed, notifyJobCompleted, notifyJobConfirmed, notifyJobExpired,
  notifyJobOnMyWay, notifyJobReopened, notifyJobReserved, notifyJobRetry, notifyJobUnreachable,
} from "./job-events";
import { notifyReviewReceived, notifyTipAdded } from "./review-events";

export { NOTIFIED_JOB_CHANGES };
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
  cancelled: notifyJobCancelled,
  disputed: notifyDisputeOpened,
  resolved: notifyDisputeResolved,
  reserved: notifyJobReserved,
  "on-my-way": notifyJobOnMyWay,
  unreachable: notifyJobUnreachable,
  "unreachable-retry": notifyJobRetry,
  reviewed: notifyReviewReceived,
  tipped: notifyTipAdded,
};

export function isNotifiedJobChange(change: string): change is NotifiedJobChange {
  return (NOTIFIED_JOB_CHANGES as readonly string[]).includes(change);
}

/** The notifications a change owes, as an outbox effect for the transition's transaction. */
export function jobChangeNotification(jobId: string, change: NotifiedJobChange): OutboxEffect {
  return { queue: "notifications", payload: { kind: "job-change", jobId, change } };
}

/** The worker's side. */
export function notifyJobChange(db: Db, jobId: string, change: NotifiedJobChange): Promise<unknown> {
  return NOTIFY[change](db, jobId);
}
