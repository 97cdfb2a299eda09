import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { isPoster, type JobActor } from "@/server/jobs/job-access";
import { loadVisibleJob, requireState } from "@/server/jobs/transition";
import { commitWithEffects } from "@/server/outbox/outbox";
import { settlement } from "@/server/jobs/settlement";
import { jobChangeNotification } from "@/server/notifications/job-change";
import { leaveReviewInputSchema, type LeaveReviewInput } from "@/lib/schemas/reviews";

/**
 * The poster rates the scooper once a job is CONFIRMED, with an optional comment and tip. The unique index on
 * Review.jobId makes "one per job" hold under concurrency (the second gets CONFLICT). The tip is an outbox effect of
 * the review's transaction, charged by the `payments` queue (recordTip), which waits, by retrying, for the capture.
 * The scooper is told (a `reviewed` job-change notification, also through the outbox).
 */
export async function leaveReview(db: Db, actor: JobActor, raw: LeaveReviewInput): Promise<{ id: string }> {
  const input = leaveReviewInputSchema.parse(raw);
  const job = await loadVisibleJob(db, input.jobId, actor);
  if (!isPoster(job, actor)) throw new AppError("FORBIDDEN", "review.onlyPosterReviews");
  requireState(job, ["CONFIRMED"], "reviewed");
  if (!job.scooperId) throw new AppError("PRECONDITION_FAILED", "review.noScooper");
  const scooperId = job.scooperId;
  let review: { id: string };
  try {
    review = await commitWithEffects(db, async (tx, emit) => {
      const created = await tx.review.create({
        data: { jobId: job.id, reviewerId: actor.id, scooperId, rating: input.rating, comment: input.comment || null, tipCents: input.tipCents },
        select: { id: true },
      });
      await tx.jobEvent.create({ data: { jobId: job.id, actorId: actor.id, type: "reviewed", details: { rating: input.rating, tipCents: input.tipCents } } });
      if (input.tipCents > 0) emit(settlement(job.id, "tip"));
      emit(jobChangeNotification(job.id, "reviewed"));
      return created;
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw new AppError("CONFLICT", "review.alreadyReviewed");
    throw err;
  }
  return review;
}
