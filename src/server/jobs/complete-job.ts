import type { Db } from "@/server/db";
import { announceJobChange } from "./announce";
import { jobChangeNotification } from "@/server/notifications/job-change";
import { commitWithEffects } from "@/server/outbox/outbox";
import { AppError } from "@/server/errors";
import { jobRules } from "./config";
import { isJobScooper, type JobActor } from "./job-access";
import { scheduleJobTimer } from "./timers";
import { loadVisibleJob, requireState, transition } from "./transition";

/** IN_PROGRESS → COMPLETED by the claiming scooper, with at least one after photo; auto-confirm is scheduled. */
export async function completeJob(db: Db, actor: JobActor, jobId: string, opts: { pickupCount?: number | null } = {}) {
  const job = await loadVisibleJob(db, jobId, actor);
  if (!isJobScooper(job, actor)) throw new AppError("FORBIDDEN", "Only the scooper doing the job may complete it.");
  requireState(job, ["IN_PROGRESS"], "completed");
  const now = new Date();
  const autoConfirmAt = new Date(now.getTime() + jobRules.autoConfirmMs);
  await commitWithEffects(db, async (tx, emit) => {
    const afterPhotos = await tx.photo.count({ where: { jobId, kind: "AFTER", status: { not: "FAILED" } } });
    if (afterPhotos < 1) throw new AppError("PRECONDITION_FAILED", "Add at least one after photo before completing the job.");
    await transition(tx, {
      jobId,
      from: "IN_PROGRESS",
      to: "COMPLETED",
      event: "completed",
      actorId: actor.id,
      where: { scooperId: actor.id },
      data: { completedAt: now, autoConfirmAt, pickupCount: opts.pickupCount ?? null },
      details: { afterPhotos, pickupCount: opts.pickupCount ?? null, autoConfirmAt: autoConfirmAt.toISOString() },
    });
    emit(jobChangeNotification(jobId, "completed"));
  });
  // Both at once; the new state is known, so the announcement reads nothing.
  await Promise.all([scheduleJobTimer("auto-confirm", jobId, autoConfirmAt), announceJobChange(db, jobId, "completed", { status: "COMPLETED" })]);
  return { autoConfirmAt };
}
