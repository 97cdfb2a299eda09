import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { isPoster, mayRepost, type JobActor } from "./job-access";
import { postJob } from "./post-job";

/**
 * The one-tap re-post (the "job expired" email, the job page, /my-jobs): a new OPEN job with the same details (pin, price, type,
 * notes) as one of the poster's expired or cancelled jobs. Photos stay with the old job.
 */
export async function repostJob(db: Db, actor: JobActor, jobId: string) {
  const old = await db.cleanupJob.findUnique({
    where: { id: jobId },
    select: {
      posterId: true, scooperId: true, status: true, address: true, lat: true, lng: true, priceCents: true, type: true,
      pileEstimate: true, litterLevel: true, yardSegments: true, publicNotes: true, accessNotes: true,
    },
  });
  if (!old || !isPoster(old, actor)) throw new AppError("NOT_FOUND", "job.notFound");
  if (!mayRepost(old.status)) {
    throw new AppError("PRECONDITION_FAILED", "job.repostOnlyEnded");
  }
  return postJob(db, actor, {
    address: old.address, lat: old.lat, lng: old.lng, priceCents: old.priceCents, type: old.type, pileEstimate: old.pileEstimate,
    litterLevel: old.litterLevel, yardSegments: old.yardSegments, publicNotes: old.publicNotes, accessNotes: old.accessNotes,
  });
}
