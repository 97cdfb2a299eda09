/**
 * What a suspension or ban does to the marketplace, beyond ending the user's sessions (product rules,
 * "Accounts and roles"): a blocked customer's OPEN jobs are cancelled (hold voided, parties told, through the
 * ordinary admin cancellation) and their subscriptions paused as ACCOUNT_BLOCKED; a blocked scooper's CLAIMED
 * and UNREACHABLE jobs return to the board and IN_PROGRESS ones wait for an admin's decision.
 *
 * Runs after the status change has committed, one job at a time through the services every other path uses, so
 * each job keeps its own guarded transition, timers, settlement and notices. A job that moved on in the meantime
 * is skipped (its service refuses the stale state); the rest still go through.
 */
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { cancelJob } from "@/server/jobs/cancel-job";
import { releaseJob, releaseUnreachableOfBlockedScooper } from "@/server/jobs/release-job";
import { commitWithEffects, type OutboxEffect } from "@/server/outbox/outbox";
import { billingSyncFor } from "@/server/recurring/manage";

/** The block's effects as an outbox effect of the status change (the worker re-applies them: applyStoredBlock). */
export function accountBlockEffect(userId: string, adminId: string): OutboxEffect {
  return { queue: "system", payload: { kind: "account-block", userId, adminId } };
}

/** The worker's side: applies the block still in force (a user reinstated in the meantime is left alone). */
export async function applyStoredBlock(db: Db, userId: string, adminId: string): Promise<BlockOutcome | { skipped: string }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { status: true, statusReason: true } });
  if (!user || user.status === "ACTIVE") return { skipped: "not blocked any more" };
  return applyAccountBlock(db, { id: adminId }, userId, user.statusReason ?? "account blocked");
}

export type BlockOutcome = { cancelledJobIds: string[]; pausedRecurringIds: string[]; releasedJobIds: string[]; needsAdminJobIds: string[] };

/** A job that changed state between the query and the service call: nothing to do for it. */
async function unlessMovedOn(jobId: string, step: () => Promise<unknown>): Promise<boolean> {
  try {
    await step();
    return true;
  } catch (err) {
    if (err instanceof AppError && (err.code === "CONFLICT" || err.code === "PRECONDITION_FAILED")) {
      logger.info({ jobId, err: err.message }, "account block: job moved on, skipped");
      return false;
    }
    throw err;
  }
}

export async function applyAccountBlock(db: Db, admin: { id: string }, userId: string, reason: string): Promise<BlockOutcome> {
  const adminActor = { id: admin.id, roles: ["ADMIN"] as const };
  const outcome: BlockOutcome = { cancelledJobIds: [], pausedRecurringIds: [], releasedJobIds: [], needsAdminJobIds: [] };

  // Subscriptions first, so no new job is generated while the open ones are being cancelled.
  const subs = await db.recurringCleanup.findMany({ where: { customerId: userId, status: { in: ["ACTIVE", "PAUSED"] } }, select: { id: true } });
  for (const { id } of subs) {
    // The pause date is cleared: an ordinary pause ending (generate.ts resumes those) must not lift a block.
    // The billing sync it owes is an outbox effect of the same transaction.
    const paused = await commitWithEffects(db, async (tx, emit) => {
      const { count } = await tx.recurringCleanup.updateMany({
        // Not one the block paused already (a second application changes nothing).
        where: { id, status: { in: ["ACTIVE", "PAUSED"] }, OR: [{ pauseReason: null }, { pauseReason: { not: "ACCOUNT_BLOCKED" } }] },
        data: { status: "PAUSED", pausedUntil: null, pauseReason: "ACCOUNT_BLOCKED" },
      });
      if (count === 1) emit(await billingSyncFor(tx, id));
      return count === 1;
    });
    if (paused) outcome.pausedRecurringIds.push(id);
  }

  const cancelReason = `Account blocked: ${reason}`;
  const posted = await db.cleanupJob.findMany({ where: { posterId: userId, status: { in: ["OPEN", "AWAITING_PAYMENT"] } }, select: { id: true } });
  for (const { id } of posted) {
    if (await unlessMovedOn(id, () => cancelJob(db, adminActor, id, cancelReason))) outcome.cancelledJobIds.push(id);
  }

  const claimed = await db.cleanupJob.findMany({ where: { scooperId: userId, status: "CLAIMED" }, select: { id: true } });
  for (const { id } of claimed) {
    // The release service acts for the claim holder (its guard is "the scooper holding the claim").
    if (await unlessMovedOn(id, () => releaseJob(db, { id: userId, roles: ["SCOOPER"] }, id))) outcome.releasedJobIds.push(id);
  }

  // A "can't get in" report waiting for the poster's answer: the blocked scooper cannot try again, so it reopens.
  const unreachable = await db.cleanupJob.findMany({ where: { scooperId: userId, status: "UNREACHABLE" }, select: { id: true } });
  for (const { id } of unreachable) {
    if (await releaseUnreachableOfBlockedScooper(db, admin, id, userId)) outcome.releasedJobIds.push(id);
  }

  const started = await db.cleanupJob.findMany({ where: { scooperId: userId, status: "IN_PROGRESS" }, select: { id: true } });
  for (const { id } of started) {
    const now = new Date();
    const flagged = await db.$transaction(async (tx) => {
      const updated = await tx.cleanupJob.updateMany({
        where: { id, status: "IN_PROGRESS", scooperId: userId },
        data: { needsAdminAt: now, needsAdminReason: cancelReason },
      });
      if (updated.count !== 1) return false;
      await tx.jobEvent.create({
        data: { jobId: id, actorId: admin.id, type: "needs_admin_decision", fromStatus: "IN_PROGRESS", toStatus: "IN_PROGRESS", details: { reason: "scooper blocked" } },
      });
      return true;
    });
    if (flagged) outcome.needsAdminJobIds.push(id);
  }
  logger.info({ userId, ...outcome }, "account block applied");
  return outcome;
}
