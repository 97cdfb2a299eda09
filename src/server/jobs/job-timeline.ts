import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { JobEventDto } from "./dto";
import { canSeeTimeline, type JobActor } from "./job-access";
import { loadVisibleJob } from "./transition";

/** The job's events, oldest first, for its poster, its scooper and admins. Actors appear as roles, not people. */
export async function getJobTimeline(db: Db, viewer: JobActor, jobId: string): Promise<JobEventDto[]> {
  const job = await loadVisibleJob(db, jobId, viewer);
  if (!canSeeTimeline(job, viewer)) throw new AppError("FORBIDDEN", "job.timelineForbidden");
  const events = await db.jobEvent.findMany({
    where: { jobId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, type: true, actorId: true, fromStatus: true, toStatus: true, details: true, createdAt: true },
  });
  // Everyone who held the claim at some point (a released scooper no longer is job.scooperId); any other actor
  // is an admin (cancellations, dispute resolutions, a blocked scooper's job sent for a decision).
  const scooperIds = new Set<string>(job.scooperId ? [job.scooperId] : []);
  for (const e of events) {
    if (e.type === "claimed" && e.actorId) scooperIds.add(e.actorId);
    const released = detailString(e.details, "releasedScooperId");
    if (released) scooperIds.add(released);
  }
  const actorOf = (actorId: string | null): JobEventDto["actor"] =>
    actorId === null ? "system" : actorId === job.posterId ? "poster" : scooperIds.has(actorId) ? "scooper" : "admin";
  return events.map((e) => ({
    id: e.id,
    type: e.type,
    actor: actorOf(e.actorId),
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    details: publicDetails(e.details),
    createdAt: e.createdAt,
  }));
}

function detailString(details: unknown, key: string): string | null {
  if (!details || typeof details !== "object" || Array.isArray(details)) return null;
  const value = (details as Record<string, unknown>)[key];
  return typeof value === "string" ? value : null;
}

/** Event details may name users (who is owed a fee, who was released); the timeline shows roles only. */
function publicDetails(details: unknown): Record<string, unknown> | null {
  if (!details || typeof details !== "object" || Array.isArray(details)) return null;
  return Object.fromEntries(Object.entries(details).filter(([key]) => !/Id$|^feeOwedTo$/.test(key)));
}
