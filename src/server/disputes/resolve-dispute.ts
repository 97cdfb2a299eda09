import type { DisputeOutcome } from "@/generated/prisma/enums";
import { recordAudit } from "@/server/audit/audit-log";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { announceJobChange } from "@/server/jobs/announce";
import { isAdmin, type JobActor } from "@/server/jobs/job-access";
import { requireState, transition } from "@/server/jobs/transition";
import { jobChangeNotification } from "@/server/notifications/job-change";
import { commitWithEffects } from "@/server/outbox/outbox";
import { settlement } from "@/server/jobs/settlement";

export type ResolveDisputeInput = { jobId: string; outcome: DisputeOutcome; refundCents?: number | null; note?: string | null };

/** What the customer gets back for each outcome; a partial refund must leave something charged and refund something. */
export function refundFor(outcome: DisputeOutcome, priceCents: number, requested: number | null | undefined): number {
  if (outcome === "RELEASE") return 0;
  if (outcome === "FULL_REFUND") return priceCents;
  if (!Number.isInteger(requested) || requested! < 1 || requested! > priceCents - 1) {
    throw new AppError("BAD_REQUEST", "dispute.partialRefundRange", { max: ((priceCents - 1) / 100).toFixed(2) });
  }
  return requested!;
}

/**
 * DISPUTED → RESOLVED by an admin: the transition, the decision on the dispute row and the audit row commit
 * together with the money step (capture / capture + refund / void, see jobs/funding.ts, which reads the decision
 * from the row) and both parties' notifications, as outbox effects.
 */
export async function resolveDispute(db: Db, actor: JobActor, input: ResolveDisputeInput): Promise<{ refundCents: number }> {
  if (!isAdmin(actor)) throw new AppError("FORBIDDEN", "dispute.onlyAdminResolves");
  const { jobId, outcome } = input;
  const job = await db.cleanupJob.findUnique({ where: { id: jobId }, select: { status: true, priceCents: true, dispute: { select: { id: true } } } });
  if (!job?.dispute) throw new AppError("NOT_FOUND", "dispute.notFound");
  requireState(job, ["DISPUTED"], "resolved");
  const refundCents = refundFor(outcome, job.priceCents, input.refundCents);
  const note = input.note?.trim() || null;
  const disputeId = job.dispute.id;
  await commitWithEffects(db, async (tx, emit) => {
    await transition(tx, { jobId, from: "DISPUTED", to: "RESOLVED", event: "dispute_resolved", actorId: actor.id, details: { outcome, refundCents } });
    await tx.dispute.update({ where: { id: disputeId }, data: { outcome, refundCents, resolvedById: actor.id, resolvedAt: new Date(), adminNote: note } });
    await recordAudit(tx, { actorId: actor.id, action: "dispute.resolve", targetType: "dispute", targetId: disputeId, before: { status: "DISPUTED" }, after: { jobId, outcome, refundCents }, reason: note });
    emit(settlement(jobId, "dispute-resolution"), jobChangeNotification(jobId, "resolved"));
  });
  await announceJobChange(db, jobId, "resolved");
  return { refundCents };
}
