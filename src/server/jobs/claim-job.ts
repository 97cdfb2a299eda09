import type { Db } from "@/server/db";
import { announceJobChange } from "./announce";
import { jobChangeNotification } from "@/server/notifications/job-change";
import { commitWithEffects } from "@/server/outbox/outbox";
import { AppError } from "@/server/errors";
import { jobRules } from "./config";
import { ACTIVE_CLAIM_STATES, reservedForAnother, type JobActor } from "./job-access";
import { cancelJobTimer, scheduleJobTimer } from "./timers";
import { tryTransition } from "./transition";
import { requireActiveUser } from "./users";
import { requireApprovedScooper } from "@/server/accounts/scooper-approval";

export const JUST_TAKEN_MESSAGE = "Just taken: another scooper claimed this job a moment ago.";

/**
 * OPEN → CLAIMED. Exactly one of any number of concurrent claims wins: the conditional UPDATE … WHERE status =
 * 'OPEN' takes the row lock, and every other claim re-checks the row after the winner commits and matches
 * nothing. The scooper's own row is locked first, so their active-claim count cannot be raced past the limit.
 */
export async function claimJob(db: Db, actor: JobActor, jobId: string): Promise<{ id: string; startDeadlineAt: Date }> {
  const now = new Date();
  const startDeadlineAt = new Date(now.getTime() + jobRules.startDeadlineMs);
  await commitWithEffects(
    db,
    async (tx, emit) => {
      await requireActiveUser(tx, actor.id, "claim", { lock: true });
      await requireApprovedScooper(tx, actor.id);
      const job = await tx.cleanupJob.findUnique({
        where: { id: jobId },
        select: { status: true, posterId: true, scooperId: true, expiresAt: true, exclusiveScooperId: true, exclusiveUntil: true },
      });
      // A job waiting for its money is seen by nobody but its poster: to anyone else it does not exist.
      if (!job || job.status === "AWAITING_PAYMENT" || reservedForAnother(job, actor, now)) throw new AppError("NOT_FOUND", "No such job.");
      if (job.posterId === actor.id) throw new AppError("FORBIDDEN", "You cannot claim your own job.");
      if (job.status !== "OPEN" || job.expiresAt <= now) throw new AppError("CONFLICT", JUST_TAKEN_MESSAGE);
      const active = await tx.cleanupJob.count({ where: { scooperId: actor.id, status: { in: [...ACTIVE_CLAIM_STATES] } } });
      if (active >= jobRules.maxActiveClaims) {
        throw new AppError("PRECONDITION_FAILED", `You already hold ${active} active jobs; finish or release one first (limit ${jobRules.maxActiveClaims}).`);
      }
      const won = await tryTransition(tx, {
        jobId,
        from: "OPEN",
        to: "CLAIMED",
        event: "claimed",
        actorId: actor.id,
        // The preferred-scooper window is re-checked in the UPDATE itself.
        where: {
          expiresAt: { gt: now },
          posterId: { not: actor.id },
          OR: [{ exclusiveUntil: null }, { exclusiveUntil: { lte: now } }, { exclusiveScooperId: actor.id }],
        },
        data: { scooperId: actor.id, claimedAt: now, startDeadlineAt },
        details: { startDeadlineAt: startDeadlineAt.toISOString() },
      });
      if (!won) throw new AppError("CONFLICT", JUST_TAKEN_MESSAGE);
      emit(jobChangeNotification(jobId, "claimed"));
    },
    // Fifty claims on one job queue behind each other's row lock; give them time to get a connection.
    { maxWait: 15_000, timeout: 15_000 },
  );
  await cancelJobTimer("expire", jobId);
  await scheduleJobTimer("start-deadline", jobId, startDeadlineAt);
  await announceJobChange(db, jobId, "claimed");
  return { id: jobId, startDeadlineAt };
}
