import type { Db } from "@/server/db";
import { queueSettlement } from "@/server/payments/job-settlement";
import { announceJobChange } from "./announce";
import { DeadlineNotReachedError } from "./timers";
import { tryTransition } from "./transition";

/** OPEN → EXPIRED when the expiry passed and nobody claimed it. Timer and sweep; a no-op once the job moved on. */
export async function expireJob(db: Db, jobId: string, now = new Date()): Promise<boolean> {
  const moved = await db.$transaction((tx) =>
    tryTransition(tx, { jobId, from: "OPEN", to: "EXPIRED", event: "expired", actorId: null, where: { expiresAt: { lte: now } }, data: { expiredAt: now } }),
  );
  if (!moved) {
    const job = await db.cleanupJob.findUnique({ where: { id: jobId }, select: { status: true, expiresAt: true } });
    if (job?.status === "OPEN" && job.expiresAt > now) throw new DeadlineNotReachedError("expire", jobId);
  }
  if (moved) {
    await queueSettlement(jobId, "void");
    await announceJobChange(db, jobId, "expired");
  }
  return moved;
}
