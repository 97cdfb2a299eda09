import { env } from "@/env";
import type { DisputeReason } from "@/generated/prisma/enums";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { announceJobChange } from "@/server/jobs/announce";
import { isPoster, type JobActor } from "@/server/jobs/job-access";
import { cancelJobTimer } from "@/server/jobs/timers";
import { loadVisibleJob, requireState, transition } from "@/server/jobs/transition";
import { jobChangeNotification } from "@/server/notifications/job-change";
import { commitWithEffects } from "@/server/outbox/outbox";
import { disputeTextSchema } from "@/lib/schemas/disputes";

export function disputeResponseDeadline(openedAt: Date): Date {
  return new Date(openedAt.getTime() + env.DISPUTE_RESPONSE_HOURS * 3_600_000);
}

/**
 * COMPLETED → DISPUTED by the poster, before confirmation. The same conditional transition as confirm, so a
 * confirm (or the auto-confirm timer) racing it leaves exactly one outcome; the loser gets CONFLICT. Nothing is
 * captured while disputed: the payment stays AUTHORIZED until an admin resolves it. Dispute photos (kind
 * DISPUTE) are uploaded separately while the job is COMPLETED.
 */
export async function openDispute(db: Db, actor: JobActor, input: { jobId: string; reason: DisputeReason; text: string }): Promise<{ id: string }> {
  const { jobId, reason } = input;
  const text = disputeTextSchema.parse(input.text);
  const job = await loadVisibleJob(db, jobId, actor);
  if (!isPoster(job, actor)) throw new AppError("FORBIDDEN", "dispute.onlyPosterDisputes");
  requireState(job, ["COMPLETED"], "disputed");
  const openedAt = new Date();
  const dispute = await commitWithEffects(db, async (tx, emit) => {
    await transition(tx, { jobId, from: "COMPLETED", to: "DISPUTED", event: "dispute_opened", actorId: actor.id, details: { reason } });
    emit(jobChangeNotification(jobId, "disputed"));
    return tx.dispute.create({
      data: { jobId, openedById: actor.id, reason, text, openedAt, responseDeadlineAt: disputeResponseDeadline(openedAt) },
      select: { id: true },
    });
  });
  await cancelJobTimer("auto-confirm", jobId);
  await announceJobChange(db, jobId, "disputed");
  return dispute;
}
