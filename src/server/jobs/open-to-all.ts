import type { Db } from "@/server/db";
import { announceJobChange } from "./announce";
import { DeadlineNotReachedError } from "./timers";
import { tryTransition } from "./transition";

/**
 * A recurring job's preferred-scooper window ended while still OPEN: it opens to every scooper (the board
 * queries already stop hiding it at `exclusiveUntil`; this clears the reservation, writes the timeline entry and
 * puts the pin on everyone's live map). Timer and sweep; a no-op once the job moved on or was opened already.
 */
export async function openJobToAll(db: Db, jobId: string, now = new Date()): Promise<boolean> {
  const moved = await db.$transaction((tx) =>
    tryTransition(tx, {
      jobId,
      from: "OPEN",
      to: "OPEN",
      event: "opened_to_all",
      actorId: null,
      where: { exclusiveScooperId: { not: null }, exclusiveUntil: { lte: now } },
      data: { exclusiveScooperId: null, exclusiveUntil: null },
    }),
  );
  if (!moved) {
    const job = await db.cleanupJob.findUnique({ where: { id: jobId }, select: { status: true, exclusiveUntil: true } });
    if (job?.status === "OPEN" && job.exclusiveUntil && job.exclusiveUntil > now) throw new DeadlineNotReachedError("open-to-all", jobId);
  }
  if (moved) await announceJobChange(db, jobId, "opened_to_all");
  return moved;
}
