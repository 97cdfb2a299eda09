/**
 * What every job transition does after its transaction commits, in one place: tell the job's own channel
 * (poster, scooper, admins) and the public board. Called by the web request and the worker's timers alike.
 * Notifications and money steps are outbox effects written by the transitions themselves in their own
 * transaction (src/server/outbox/). A failure here is logged, never thrown: the change is committed and
 * clients that miss an event resync.
 */
import type { Db } from "@/server/db";
import { logger } from "@/server/logger";
import type { JobStatus } from "@/generated/prisma/enums";
import { publishBoardEvent, publishJobChange, publishJobChangesAndBoard, type BoardEvent } from "@/server/realtime/events";
import { takeHomeCents } from "@/lib/money";
import { approximateLocation } from "@/lib/privacy";
import { batchPerTurn } from "@/server/batch-per-turn";

export type JobChange = "posted" | "claimed" | "released" | "reopened" | "started" | "completed" | "confirmed" | "cancelled" | "expired" | "opened_to_all"
  | "disputed" | "dispute_responded" | "resolved" | "on_my_way"
  | "unreachable" | "unreachable_retry"
  /** A job message was sent (messages.ts): the parties' pages refetch the conversation. */
  | "message";

const CLOSES_BOARD: Partial<Record<JobChange, "claimed" | "cancelled" | "expired">> = { claimed: "claimed", cancelled: "cancelled", expired: "expired" };
const OPENS_BOARD = new Set<JobChange>(["posted", "released", "reopened", "opened_to_all"]);

type Announcement = { change: { jobId: string; status: JobStatus; change: string }; board: BoardEvent | null };

/**
 * The events of every change announced in this event-loop turn go out together at the next `setImmediate`, in one
 * pipeline (each channel's events stay in order): claims that finish together share one Redis write. A failed
 * write fails every change in it, which each logs.
 */
const publishSoon = batchPerTurn(async (batch: Announcement[]) => {
  await publishJobChangesAndBoard(batch.map((a) => a.change), batch.flatMap((a) => (a.board ? [a.board] : []))).catch((err: unknown) => {
    throw err ?? new Error("publishing job changes failed");
  });
  return batch.map(() => undefined);
});

/**
 * `known`: the job's status after the change, when the caller has it. A change that takes the job off the board
 * (or leaves it alone) then needs no read: both events go out in one Redis round trip, shared with the other
 * changes announced in the same turn.
 */
export async function announceJobChange(db: Db, jobId: string, change: JobChange, known?: { status: JobStatus }): Promise<void> {
  if (known && !OPENS_BOARD.has(change)) {
    const closed = CLOSES_BOARD[change];
    try {
      await publishSoon({ change: { jobId, status: known.status, change }, board: closed ? { type: "job.closed", jobId, reason: closed } : null });
    } catch (err) {
      logger.error({ err, jobId, change }, "announcing a job change failed");
    }
    return;
  }
  try {
    const job = await db.cleanupJob.findUnique({
      where: { id: jobId },
      select: {
        id: true, status: true, lat: true, lng: true, address: true, priceCents: true, type: true, pileEstimate: true, litterLevel: true,
        yardSegments: true, createdAt: true, expiresAt: true, exclusiveScooperId: true, exclusiveUntil: true, platformFeePercent: true,
      },
    });
    if (!job) return;
    await publishJobChange({ jobId, status: job.status, change });
    const closed = CLOSES_BOARD[change];
    if (closed) await publishBoardEvent({ type: "job.closed", jobId, reason: closed });
    else if (OPENS_BOARD.has(change) && job.status === "OPEN") {
      const { exclusiveScooperId, exclusiveUntil, status: _status, platformFeePercent, ...board } = job;
      const exclusive = exclusiveScooperId && exclusiveUntil && exclusiveUntil > new Date() ? exclusiveScooperId : null;
      // The board's public view: street only, approximate pin (src/lib/privacy.ts).
      await publishBoardEvent({ type: "job.opened", job: { ...approximateLocation(board), takeHomeCents: takeHomeCents(board.priceCents, platformFeePercent) }, onlyFor: exclusive });
    }
  } catch (err) {
    logger.error({ err, jobId, change }, "announcing a job change failed");
  }
}
