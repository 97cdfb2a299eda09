import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import type { JobEventDto } from "./dto";
import { canSeeTimeline, type JobActor } from "./job-access";
import { loadVisibleJob } from "./transition";

/** The job's events, oldest first, for its poster, its scooper and admins. Actors appear as roles, not people. */
export async function getJobTimeline(db: Db, viewer: JobActor, jobId: string): Promise<JobEventDto[]> {
  const job = await loadVisibleJob(db, jobId, viewer);
  if (!canSeeTimeline(job, viewer)) throw new AppError("FORBIDDEN", "Only the poster, the scooper and admins see the timeline.");
  const events = await db.jobEvent.findMany({
    where: { jobId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, type: true, actorId: true, fromStatus: true, toStatus: true, details: true, createdAt: true },
  });
  return events.map((e) => ({
    id: e.id,
    type: e.type,
    actor: e.actorId === null ? "system" : e.actorId === job.posterId ? "poster" : e.type === "cancelled" && e.actorId !== job.scooperId ? "admin" : "scooper",
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    details: publicDetails(e.details),
    createdAt: e.createdAt,
  }));
}

/** Event details may name users (who is owed a fee, who was released); the timeline shows roles only. */
function publicDetails(details: unknown): Record<string, unknown> | null {
  if (!details || typeof details !== "object" || Array.isArray(details)) return null;
  return Object.fromEntries(Object.entries(details).filter(([key]) => !/Id$|^feeOwedTo$/.test(key)));
}
