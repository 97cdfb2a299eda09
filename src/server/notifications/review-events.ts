/**
 * The scooper hears about a review and about a tip added later (job-change effects "reviewed" and "tipped", emitted
 * in the review's or tip's transaction). Keyed on the review, so a retried delivery notifies once.
 */
import type { Tx } from "@/server/db";
import { notify, type NotifyResult } from "./notify";

async function loadReview(db: Tx, jobId: string) {
  return db.review.findUnique({ where: { jobId }, select: { id: true, rating: true, tipCents: true, scooperId: true, job: { select: { address: true } } } });
}

export async function notifyReviewReceived(db: Tx, jobId: string): Promise<NotifyResult> {
  const review = await loadReview(db, jobId);
  if (!review) return null;
  return notify(db, {
    kind: "review.received",
    recipientId: review.scooperId,
    eventKey: `review.received:${review.id}`,
    data: { jobId, address: review.job.address, event: "review", rating: review.rating, tipCents: review.tipCents },
  });
}

export async function notifyTipAdded(db: Tx, jobId: string): Promise<NotifyResult> {
  const review = await loadReview(db, jobId);
  if (!review || review.tipCents === 0) return null;
  return notify(db, {
    kind: "review.received",
    recipientId: review.scooperId,
    eventKey: `tip.added:${review.id}`,
    data: { jobId, address: review.job.address, event: "tip", rating: null, tipCents: review.tipCents },
  });
}
