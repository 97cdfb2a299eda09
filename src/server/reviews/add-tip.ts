/**
 * A tip added after a review that had none: once, by the poster, until TIP_WINDOW_SECONDS after the review. One
 * conditional update (no tip yet, still inside the window) decides, so two tips at once add one; the tip is charged
 * by the same outbox `tip` settlement a review's own tip uses, and the scooper is told.
 */
import { env } from "@/env";
import { addTipInputSchema, type AddTipInput } from "@/lib/schemas/reviews";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { isPoster, type JobActor } from "@/server/jobs/job-access";
import { loadVisibleJob } from "@/server/jobs/transition";
import { jobChangeNotification } from "@/server/notifications/job-change";
import { commitWithEffects } from "@/server/outbox/outbox";
import { settlement } from "@/server/jobs/settlement";

/** The last moment a tip may be added to `review`; null once it has one. */
export function tipUntil(review: { createdAt: Date; tipCents: number }): Date | null {
  return review.tipCents > 0 ? null : new Date(review.createdAt.getTime() + env.TIP_WINDOW_SECONDS * 1000);
}

export async function addTip(db: Db, actor: JobActor, raw: AddTipInput, now = new Date()): Promise<{ tipCents: number }> {
  const input = addTipInputSchema.parse(raw);
  const job = await loadVisibleJob(db, input.jobId, actor);
  if (!isPoster(job, actor)) throw new AppError("FORBIDDEN", "review.onlyPosterTips");
  const earliestReview = new Date(now.getTime() - env.TIP_WINDOW_SECONDS * 1000);
  await commitWithEffects(db, async (tx, emit) => {
    const { count } = await tx.review.updateMany({
      where: { jobId: job.id, reviewerId: actor.id, tipCents: 0, createdAt: { gte: earliestReview } },
      data: { tipCents: input.tipCents },
    });
    if (count === 0) {
      const review = await tx.review.findUnique({ where: { jobId: job.id }, select: { tipCents: true } });
      if (!review) throw new AppError("PRECONDITION_FAILED", "review.rateFirst");
      if (review.tipCents > 0) throw new AppError("CONFLICT", "review.alreadyTipped");
      throw new AppError("PRECONDITION_FAILED", "review.tipTimePassed");
    }
    await tx.jobEvent.create({ data: { jobId: job.id, actorId: actor.id, type: "tipped", details: { tipCents: input.tipCents } } });
    emit(settlement(job.id, "tip"));
    emit(jobChangeNotification(job.id, "tipped"));
  });
  return { tipCents: input.tipCents };
}
