import type { Db } from "@/server/db";
import { jobChangeNotification } from "@/server/notifications/job-change";
import { commitWithEffects } from "@/server/outbox/outbox";
import { settlement } from "@/server/jobs/settlement";
import { announceJobChange } from "./announce";
import { AppError } from "@/server/errors";
import { isPoster, type JobActor } from "./job-access";
import { cancelJobTimer, DeadlineNotReachedError } from "./timers";
import { loadVisibleJob, requireState, transition, tryTransition } from "./transition";

/** COMPLETED → CONFIRMED by the poster. The payout becomes due (payments come with the money issue). */
export async function confirmJob(db: Db, actor: JobActor, jobId: string): Promise<void> {
  const job = await loadVisibleJob(db, jobId, actor);
  if (!isPoster(job, actor)) throw new AppError("FORBIDDEN", "job.onlyPosterConfirms");
  requireState(job, ["COMPLETED"], "confirmed");
  await commitWithEffects(db, async (tx, emit) => {
    await transition(tx, { jobId, from: "COMPLETED", to: "CONFIRMED", event: "confirmed", actorId: actor.id, data: { confirmedAt: new Date() } });
    emit(settlement(jobId, "capture"), jobChangeNotification(jobId, "confirmed"));
  });
  await cancelJobTimer("auto-confirm", jobId);
  await announceJobChange(db, jobId, "confirmed");
}

/** The auto-confirm deadline passed while still COMPLETED. Timer and sweep; a no-op once the job moved on. */
export async function autoConfirmJob(db: Db, jobId: string, now = new Date()): Promise<boolean> {
  const moved = await commitWithEffects(db, async (tx, emit) => {
    const done = await tryTransition(tx, {
      jobId,
      from: "COMPLETED",
      to: "CONFIRMED",
      event: "auto_confirmed",
      actorId: null,
      where: { autoConfirmAt: { lte: now } },
      data: { confirmedAt: now },
    });
    if (done) emit(settlement(jobId, "capture"), jobChangeNotification(jobId, "confirmed"));
    return done;
  });
  if (!moved) {
    const job = await db.cleanupJob.findUnique({ where: { id: jobId }, select: { status: true, autoConfirmAt: true } });
    if (job?.status === "COMPLETED" && job.autoConfirmAt && job.autoConfirmAt > now) throw new DeadlineNotReachedError("auto-confirm", jobId);
  }
  if (moved) await announceJobChange(db, jobId, "confirmed");
  return moved;
}
