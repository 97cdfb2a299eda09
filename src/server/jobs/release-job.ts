import type { Db } from "@/server/db";
import { announceJobChange } from "./announce";
import { jobChangeNotification } from "@/server/notifications/job-change";
import { commitWithEffects } from "@/server/outbox/outbox";
import { AppError } from "@/server/errors";
import { jobRules } from "./config";
import { reopenedExpiry } from "./reopened-expiry";
import { isJobScooper, type JobActor } from "./job-access";
import { cancelJobTimer, DeadlineNotReachedError, moveJobTimers } from "./timers";
import { loadVisibleJob, requireState, tryTransition } from "./transition";


async function reopen(
  db: Db, jobId: string, actorId: string | null, event: string, change: "released" | "reopened", guard: { scooperId?: string; startDeadlineAt?: { lte: Date } },
  from: "CLAIMED" | "UNREACHABLE" = "CLAIMED",
) {
  const now = new Date();
  return commitWithEffects(db, async (tx, emit) => {
    const job = await tx.cleanupJob.findUnique({ where: { id: jobId }, select: { expiresAt: true, scooperId: true } });
    if (!job) return null;
    const expiresAt = reopenedExpiry(job.expiresAt, now, jobRules.reopenMinRemainingMs);
    const moved = await tryTransition(tx, {
      jobId,
      from,
      to: "OPEN",
      event,
      actorId,
      where: guard,
      data: { scooperId: null, claimedAt: null, startDeadlineAt: null, onMyWayAt: null, onMyWayEtaAt: null, answerDeadlineAt: null, expiresAt },
      details: { releasedScooperId: job.scooperId, expiresAt: expiresAt.toISOString() },
    });
    if (!moved) return null;
    emit(jobChangeNotification(jobId, change));
    return expiresAt;
  });
}

async function afterReopen(db: Db, jobId: string, expiresAt: Date, change: "released" | "reopened") {
  await Promise.all([
    moveJobTimers(jobId, { cancel: ["start-deadline"], schedule: [{ kind: "expire", at: expiresAt }] }),
    announceJobChange(db, jobId, change),
  ]);
}

/** CLAIMED → OPEN by the scooper holding the claim. */
export async function releaseJob(db: Db, actor: JobActor, jobId: string): Promise<void> {
  const job = await loadVisibleJob(db, jobId, actor);
  if (!isJobScooper(job, actor)) throw new AppError("FORBIDDEN", "job.onlyHolderReleases");
  requireState(job, ["CLAIMED"], "released");
  const expiresAt = await reopen(db, jobId, actor.id, "released", "released", { scooperId: actor.id });
  if (!expiresAt) throw new AppError("CONFLICT", "job.changed");
  await afterReopen(db, jobId, expiresAt, "released");
}

/**
 * An account block of the scooper (account-block.ts): their UNREACHABLE job goes back to the board like a released
 * claim, the poster's pending answer is dropped and nobody owes a fee (the claim ended on Scoop's side, not the
 * poster's). Guarded on the blocked scooper still holding it; false when it moved on (answered, cancelled, swept).
 */
export async function releaseUnreachableOfBlockedScooper(db: Db, admin: { id: string }, jobId: string, scooperId: string): Promise<boolean> {
  const expiresAt = await reopen(db, jobId, admin.id, "released_scooper_blocked", "released", { scooperId }, "UNREACHABLE");
  if (!expiresAt) return false;
  await cancelJobTimer("answer-deadline", jobId);
  await afterReopen(db, jobId, expiresAt, "released");
  return true;
}

/**
 * The start deadline passed while still CLAIMED: back to OPEN. Called by the timer and the sweep; does nothing
 * when the job has moved on. Throws DeadlineNotReachedError if the timer fired early (BullMQ retries it).
 */
export async function releaseAfterStartDeadline(db: Db, jobId: string, now = new Date()): Promise<boolean> {
  const expiresAt = await reopen(db, jobId, null, "start_deadline_passed", "reopened", { startDeadlineAt: { lte: now } });
  if (expiresAt) {
    await afterReopen(db, jobId, expiresAt, "reopened");
    return true;
  }
  const job = await db.cleanupJob.findUnique({ where: { id: jobId }, select: { status: true, startDeadlineAt: true } });
  if (job?.status === "CLAIMED" && job.startDeadlineAt && job.startDeadlineAt > now) throw new DeadlineNotReachedError("start-deadline", jobId);
  return false;
}
