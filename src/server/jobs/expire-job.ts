import type { Db } from "@/server/db";
import { jobChangeNotification } from "@/server/notifications/job-change";
import { commitWithEffects } from "@/server/outbox/outbox";
import { settlement } from "@/server/jobs/settlement";
import { announceJobChange } from "./announce";
import { DeadlineNotReachedError } from "./timers";
import { tryTransition } from "./transition";

/** OPEN → EXPIRED when the expiry passed and nobody claimed it. Timer and sweep; a no-op once the job moved on. */
export async function expireJob(db: Db, jobId: string, now = new Date()): Promise<boolean> {
  const moved = await commitWithEffects(db, async (tx, emit) => {
    const done = await tryTransition(tx, { jobId, from: "OPEN", to: "EXPIRED", event: "expired", actorId: null, where: { expiresAt: { lte: now } }, data: { expiredAt: now } });
    if (done) emit(settlement(jobId, "void"), jobChangeNotification(jobId, "expired"));
    return done;
  });
  if (!moved) {
    const job = await db.cleanupJob.findUnique({ where: { id: jobId }, select: { status: true, expiresAt: true } });
    if (job?.status === "OPEN" && job.expiresAt > now) throw new DeadlineNotReachedError("expire", jobId);
  }
  if (moved) await announceJobChange(db, jobId, "expired");
  return moved;
}
