import { z } from "zod";
import type { Db } from "@/server/db";
import { announceJobChange } from "./announce";
import { AppError } from "@/server/errors";
import { distanceMeters, latSchema, lngSchema } from "@/lib/geo";
import { jobRules } from "./config";
import { isJobScooper, type JobActor } from "./job-access";
import { cancelJobTimer } from "./timers";
import { loadVisibleJob, requireState, transition } from "./transition";

export const deviceLocationSchema = z.object({ lat: latSchema, lng: lngSchema });
export type DeviceLocation = z.infer<typeof deviceLocationSchema>;

/** CLAIMED → IN_PROGRESS by the claiming scooper. A device far from the pin is flagged, never refused. */
export async function startJob(db: Db, actor: JobActor, jobId: string, location?: DeviceLocation | null) {
  const job = await loadVisibleJob(db, jobId, actor);
  if (!isJobScooper(job, actor)) throw new AppError("FORBIDDEN", "job.onlyHolderStarts");
  requireState(job, ["CLAIMED"], "started");
  const pin = await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId }, select: { lat: true, lng: true } });
  const distance = location ? Math.round(distanceMeters(location, pin)) : null;
  const flagged = distance !== null && distance > jobRules.startDistanceFlagMeters;
  await db.$transaction((tx) =>
    transition(tx, {
      jobId,
      from: "CLAIMED",
      to: "IN_PROGRESS",
      event: "started",
      actorId: actor.id,
      where: { scooperId: actor.id },
      data: { startedAt: new Date(), startDistanceM: distance, startFlagged: flagged },
      details: { distanceM: distance, flagged, locationShared: !!location },
    }),
  );
  // Both at once; the new state is known, so the announcement reads nothing.
  await Promise.all([cancelJobTimer("start-deadline", jobId), announceJobChange(db, jobId, "started", { status: "IN_PROGRESS" })]);
  return { distanceM: distance, flagged };
}
