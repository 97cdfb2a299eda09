/**
 * The one way a job changes state: a conditional UPDATE guarded by the expected current state (and any extra
 * condition such as "the deadline has passed"), plus the timeline event, inside the caller's transaction.
 * If another request or a timer moved the job first, the update matches no row and nothing is written.
 */
import type { Prisma } from "@/generated/prisma/client";
import type { JobStatus } from "@/generated/prisma/enums";
import type { Tx } from "@/server/db";
import { AppError, type ErrorReason } from "@/server/errors";
import { canSeeJob, type JobActor } from "./job-access";

export const jobPartiesSelect = {
  id: true, status: true, posterId: true, scooperId: true, exclusiveScooperId: true, exclusiveUntil: true,
} as const;

/** Loads the parties of a job the actor may see; NOT_FOUND otherwise (a hidden job and a missing one look alike). */
export async function loadVisibleJob(tx: Tx, jobId: string, actor: JobActor | null) {
  const job = await tx.cleanupJob.findUnique({ where: { id: jobId }, select: jobPartiesSelect });
  if (!job || !canSeeJob(job, actor)) throw new AppError("NOT_FOUND", "job.notFound");
  return job;
}

/** The change a job refuses in its present state ("This job is claimed; it cannot be confirmed now"). */
export type JobAction =
  | "answered" | "completed" | "confirmed" | "disputed" | "markedOnTheWay" | "released" | "reportedUnreachable"
  | "resolved" | "respondedTo" | "reviewed" | "started";

export function requireState(job: { status: JobStatus }, allowed: readonly JobStatus[], action: JobAction): void {
  if (!allowed.includes(job.status)) {
    throw new AppError("PRECONDITION_FAILED", "job.wrongState", { status: job.status, action });
  }
}

export type Transition = {
  jobId: string;
  /** The state the caller read or expects; the update matches only a job still in it. */
  from: JobStatus;
  to: JobStatus;
  /** Event type on the timeline, e.g. "claimed", "released". */
  event: string;
  actorId: string | null;
  data?: Prisma.CleanupJobUpdateManyMutationInput & { scooperId?: string | null };
  /** Extra guard, e.g. `{ scooperId }` or `{ expiresAt: { lte: now } }`. */
  where?: Prisma.CleanupJobWhereInput;
  details?: Prisma.InputJsonObject;
};

/** Applies the transition; returns false when the job was no longer in an expected state (nothing written). */
export async function tryTransition(tx: Tx, t: Transition): Promise<boolean> {
  const res = await tx.cleanupJob.updateMany({
    where: { ...t.where, id: t.jobId, status: t.from },
    data: { ...t.data, status: t.to },
  });
  if (res.count !== 1) return false;
  await tx.jobEvent.create({
    data: { jobId: t.jobId, actorId: t.actorId, type: t.event, fromStatus: t.from, toStatus: t.to, details: t.details },
  });
  return true;
}

/** Like `tryTransition`, but a lost race is the caller's error: CONFLICT with `message`. */
export async function transition(tx: Tx, t: Transition, reason: ErrorReason = "job.changed"): Promise<void> {
  if (!(await tryTransition(tx, t))) throw new AppError("CONFLICT", reason);
}
