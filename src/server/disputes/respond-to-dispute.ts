import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { announceJobChange } from "@/server/jobs/announce";
import { isJobScooper, type JobActor } from "@/server/jobs/job-access";
import { loadVisibleJob, requireState } from "@/server/jobs/transition";
import { disputeTextSchema } from "@/lib/schemas/disputes";

/**
 * The scooper's one response (text; photos of kind DISPUTE are uploaded separately), before the response
 * deadline and while the dispute is unresolved. A conditional update, so two responses racing store one.
 */
export async function respondToDispute(db: Db, actor: JobActor, input: { jobId: string; text: string }, now = new Date()): Promise<void> {
  const { jobId } = input;
  const text = disputeTextSchema.parse(input.text);
  const job = await loadVisibleJob(db, jobId, actor);
  if (!isJobScooper(job, actor)) throw new AppError("FORBIDDEN", "dispute.onlyScooperResponds");
  requireState(job, ["DISPUTED"], "respondedTo");
  await db.$transaction(async (tx) => {
    const { count } = await tx.dispute.updateMany({
      where: { jobId, respondedAt: null, resolvedAt: null, responseDeadlineAt: { gt: now }, job: { status: "DISPUTED" } },
      data: { scooperResponse: text, respondedAt: now },
    });
    if (count !== 1) {
      const dispute = await tx.dispute.findUnique({ where: { jobId }, select: { respondedAt: true, responseDeadlineAt: true } });
      if (dispute?.respondedAt) throw new AppError("CONFLICT", "dispute.alreadyResponded");
      if (dispute && dispute.responseDeadlineAt <= now) throw new AppError("PRECONDITION_FAILED", "dispute.responseTimePassed");
      throw new AppError("CONFLICT", "dispute.changed");
    }
    await tx.jobEvent.create({ data: { jobId, actorId: actor.id, type: "dispute_responded" } });
  });
  await announceJobChange(db, jobId, "dispute_responded");
}
