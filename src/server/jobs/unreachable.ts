/**
 * "Can't get in": the scooper holding a CLAIMED or IN_PROGRESS job reports the yard inaccessible (a reason and at
 * least one UNREACHABLE photo uploaded for this report) and the job waits UNREACHABLE for the poster's answer
 * until `answerDeadlineAt` (UNREACHABLE_ANSWER_SECONDS): "try again" puts it back to CLAIMED for the same scooper
 * with a new start deadline; "cancel" (cancel-job.ts) cancels it with the scooper's cancellation fee; no answer in
 * time cancels it with the fee too (the answer-deadline timer and the sweep). An admin may cancel it, choosing
 * whether the fee is owed (cancel-job.ts). Every step is a guarded transition with its timeline event.
 */
import { z } from "zod";
import { UnreachableReason } from "@/generated/prisma/enums";
import { jobAmounts } from "@/lib/money";
import type { Db } from "@/server/db";
import { AppError, type ErrorReason } from "@/server/errors";
import { jobChangeNotification } from "@/server/notifications/job-change";
import { commitWithEffects } from "@/server/outbox/outbox";
import { settlement } from "@/server/jobs/settlement";
import { announceJobChange } from "./announce";
import { cancelJob } from "./cancel-job";
import { jobRules } from "./config";
import { isJobScooper, isPoster, type JobActor } from "./job-access";
import { cancelJobTimer, DeadlineNotReachedError, scheduleJobTimer } from "./timers";
import { loadVisibleJob, requireState, transition, tryTransition } from "./transition";

export const unreachableReportSchema = z.object({
  reason: z.enum(UnreachableReason),
  note: z.string().trim().max(500).nullish(),
});
export type UnreachableReport = z.infer<typeof unreachableReportSchema>;

const CHANGED = "job.changed" satisfies ErrorReason;

/** CLAIMED / IN_PROGRESS → UNREACHABLE by the scooper holding the claim. */
export async function reportUnreachable(db: Db, actor: JobActor, jobId: string, report: UnreachableReport): Promise<{ answerDeadlineAt: Date }> {
  const input = unreachableReportSchema.parse(report);
  const job = await loadVisibleJob(db, jobId, actor);
  if (!isJobScooper(job, actor)) throw new AppError("FORBIDDEN", "job.onlyHolderReportsUnreachable");
  requireState(job, ["CLAIMED", "IN_PROGRESS"], "reportedUnreachable");
  const now = new Date();
  const answerDeadlineAt = new Date(now.getTime() + jobRules.unreachableAnswerMs);
  await commitWithEffects(db, async (tx, emit) => {
    const row = await tx.cleanupJob.findUniqueOrThrow({ where: { id: jobId }, select: { claimedAt: true, unreachableAt: true } });
    // Photos of this report: uploaded by this scooper since the claim, and since any earlier report of it.
    const since = [row.claimedAt, row.unreachableAt].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0] ?? new Date(0);
    const photos = await tx.photo.count({ where: { jobId, uploaderId: actor.id, kind: "UNREACHABLE", status: { not: "FAILED" }, createdAt: { gte: since } } });
    if (photos === 0) throw new AppError("PRECONDITION_FAILED", "job.unreachablePhotoRequired");
    await transition(tx, {
      jobId,
      from: job.status,
      to: "UNREACHABLE",
      event: "unreachable",
      actorId: actor.id,
      where: { scooperId: actor.id },
      data: { unreachableAt: now, unreachableReason: input.reason, unreachableNote: input.note || null, answerDeadlineAt },
      details: { reason: input.reason, note: input.note || null, photos, answerDeadlineAt: answerDeadlineAt.toISOString() },
    }, CHANGED);
    emit(jobChangeNotification(jobId, "unreachable"));
  });
  await Promise.all([cancelJobTimer("start-deadline", jobId), cancelJobTimer("auto-confirm", jobId)]);
  await scheduleJobTimer("answer-deadline", jobId, answerDeadlineAt);
  await announceJobChange(db, jobId, "unreachable");
  return { answerDeadlineAt };
}

/** The poster's answer: "retry" (UNREACHABLE → CLAIMED, new start deadline) or "cancel" (the fee is owed). */
export async function answerUnreachable(db: Db, actor: JobActor, jobId: string, answer: "retry" | "cancel"): Promise<{ feeOwedCents: number }> {
  const job = await loadVisibleJob(db, jobId, actor);
  if (!isPoster(job, actor)) throw new AppError("FORBIDDEN", "job.onlyPosterAnswersUnreachable");
  requireState(job, ["UNREACHABLE"], "answered");
  if (answer === "cancel") return cancelJob(db, actor, jobId);
  const now = new Date();
  const startDeadlineAt = new Date(now.getTime() + jobRules.startDeadlineMs);
  await commitWithEffects(db, async (tx, emit) => {
    const moved = await tryTransition(tx, {
      jobId,
      from: "UNREACHABLE",
      to: "CLAIMED",
      event: "unreachable_retry",
      actorId: actor.id,
      // Only before the answer deadline: the deadline (timer or sweep) and this answer leave exactly one outcome.
      where: { answerDeadlineAt: { gt: now } },
      // A new attempt: started and "on my way" belong to the last one.
      data: { answerDeadlineAt: null, startDeadlineAt, startedAt: null, onMyWayAt: null, onMyWayEtaAt: null },
      details: { startDeadlineAt: startDeadlineAt.toISOString() },
    });
    if (!moved) {
      const current = await tx.cleanupJob.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } });
      throw current.status === "UNREACHABLE"
        ? new AppError("PRECONDITION_FAILED", "job.answerTimePassed")
        : new AppError("CONFLICT", CHANGED);
    }
    emit(jobChangeNotification(jobId, "unreachable-retry"));
  });
  await cancelJobTimer("answer-deadline", jobId);
  await scheduleJobTimer("start-deadline", jobId, startDeadlineAt);
  await announceJobChange(db, jobId, "unreachable_retry");
  return { feeOwedCents: 0 };
}

/**
 * No answer before the deadline: UNREACHABLE → CANCELLED with the scooper's cancellation fee. Called by the timer
 * and the sweep; does nothing once the job moved on; throws DeadlineNotReachedError when the timer fired early.
 */
export async function cancelAfterAnswerDeadline(db: Db, jobId: string, now = new Date()): Promise<boolean> {
  const moved = await commitWithEffects(db, async (tx, emit) => {
    const job = await tx.cleanupJob.findUnique({
      where: { id: jobId },
      select: { priceCents: true, platformFeePercent: true, cancellationFeePercent: true, minCancelFeeCents: true, onMyWayAt: true, scooperId: true },
    });
    if (!job) return false;
    const feeOwedCents = jobAmounts(job).cancellationFeeCents;
    const won = await tryTransition(tx, {
      jobId,
      from: "UNREACHABLE",
      to: "CANCELLED",
      event: "unreachable_deadline_passed",
      actorId: null,
      where: { answerDeadlineAt: { lte: now } },
      data: { cancelledAt: now, cancelReason: "no answer to the scooper's \"can't get in\" report in time", answerDeadlineAt: null },
      details: { by: "system", reason: "no answer in time", cancellationFeeCents: feeOwedCents, feeOwedTo: job.scooperId },
    });
    if (won) emit(settlement(jobId, feeOwedCents > 0 ? "cancellation-fee" : "void"), jobChangeNotification(jobId, "cancelled"));
    return won;
  });
  if (moved) {
    await announceJobChange(db, jobId, "cancelled");
    return true;
  }
  const job = await db.cleanupJob.findUnique({ where: { id: jobId }, select: { status: true, answerDeadlineAt: true } });
  if (job?.status === "UNREACHABLE" && job.answerDeadlineAt && job.answerDeadlineAt > now) throw new DeadlineNotReachedError("answer-deadline", jobId);
  return false;
}
