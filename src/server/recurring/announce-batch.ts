/**
 * After a batch of generated jobs commits OPEN (generate.ts, ledger): one expiry timer for the batch
 * (batch-expiry.ts), the preferred scoopers' open-to-all timers in one `addBulk`, one `jobs.batch-opened` board
 * event for the jobs open to everyone (a reserved job still goes out as `job.opened` for its scooper only), and the
 * preferred scoopers' notices. Best effort like every announcement: a
 * lost timer is applied by the timers' sweep, a lost board event by the map's and the board index's resyncs.
 * No `job.changed` per job: the jobs were created OPEN, so their channels have no earlier state to move on from.
 */
import { takeHomeCents } from "@/lib/money";
import { approximateLocation } from "@/lib/privacy";
import type { CleanupJob } from "@/generated/prisma/client";
import { scheduleJobTimersInBulk } from "@/server/jobs/timers";
import { logger } from "@/server/logger";
import { dispatchOutbox, type OutboxRow } from "@/server/outbox/outbox";
import { publishBoardEvents, type BoardEvent } from "@/server/realtime/events";
import { scheduleBatchExpiry } from "./batch-expiry";

/** The board fields of a job opened by generation (the columns its insert returns). */
export type OpenedJob = Pick<
  CleanupJob,
  | "id" | "lat" | "lng" | "address" | "priceCents" | "type" | "pileEstimate" | "litterLevel" | "yardSegments" | "createdAt" | "expiresAt"
  | "exclusiveScooperId" | "exclusiveUntil" | "platformFeePercent"
>;

export async function announceOpenedBatch(opened: OpenedJob[], notices: OutboxRow[]): Promise<void> {
  if (opened.length === 0) return;
  const openToAll = opened.flatMap((j) => (j.exclusiveScooperId && j.exclusiveUntil ? [{ kind: "open-to-all" as const, jobId: j.id, at: j.exclusiveUntil }] : []));
  const view = (j: OpenedJob) => {
    const { exclusiveScooperId: _e, exclusiveUntil: _u, platformFeePercent, ...board } = j;
    return { ...approximateLocation(board), takeHomeCents: takeHomeCents(board.priceCents, platformFeePercent) };
  };
  const everyone = opened.filter((j) => !j.exclusiveScooperId).map(view);
  const board: BoardEvent[] = opened
    .filter((j) => j.exclusiveScooperId)
    .map((j) => ({ type: "job.opened" as const, job: view(j), onlyFor: j.exclusiveScooperId }));
  if (everyone.length > 0) board.unshift({ type: "jobs.batch-opened", jobs: everyone, bounds: boxAround(everyone) });
  await Promise.all([
    scheduleBatchExpiry(opened),
    scheduleJobTimersInBulk(openToAll),
    publishBoardEvents(board).catch((err: unknown) => logger.error({ err, jobs: opened.length }, "announcing a generated batch failed")),
    dispatchOutbox(notices),
  ]);
}

function boxAround(jobs: { lat: number; lng: number }[]) {
  let south = Infinity, west = Infinity, north = -Infinity, east = -Infinity;
  for (const { lat, lng } of jobs) {
    south = Math.min(south, lat);
    north = Math.max(north, lat);
    west = Math.min(west, lng);
    east = Math.max(east, lng);
  }
  return { south, west, north, east };
}
