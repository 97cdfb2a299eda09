import { z } from "zod";
import type { Db } from "@/server/db";
import { jobChangeNotification } from "@/server/notifications/job-change";
import { commitWithEffects } from "@/server/outbox/outbox";
import { settlement } from "@/server/jobs/settlement";
import { announceJobChange } from "./announce";
import { recordAudit } from "@/server/audit/audit-log";
import { AppError } from "@/server/errors";
import { jobAmounts } from "@/lib/money";
import { isAdmin, isPoster, isTerminal, type JobActor } from "./job-access";
import { cancelJobTimer } from "./timers";
import { loadVisibleJob, transition } from "./transition";

export const cancelReasonSchema = z.string().trim().max(500);

/**
 * The poster cancels an OPEN job for free, or a CLAIMED one owing the scooper a cancellation fee (recorded in
 * the event; money comes with the payments issue). An admin cancels any non-terminal job, with a reason.
 */
export async function cancelJob(
  db: Db, actor: JobActor, jobId: string, reason?: string | null, opts: { scooperFeeOwed?: boolean | null } = {},
): Promise<{ feeOwedCents: number }> {
  const job = await loadVisibleJob(db, jobId, actor);
  const poster = isPoster(job, actor);
  // The poster may cancel until the work starts; an UNREACHABLE job is the poster's "cancel" answer (unreachable.ts).
  const posterMayCancel = poster && (job.status === "AWAITING_PAYMENT" || job.status === "OPEN" || job.status === "CLAIMED" || job.status === "UNREACHABLE");
  const feeOwed = job.status === "CLAIMED" || job.status === "UNREACHABLE";
  const text = cancelReasonSchema.parse(reason ?? "");
  let feeOwedCents = 0;
  let details: Record<string, string | number | boolean | null>;
  let byAdmin = false;
  let onMyWayGuard: { onMyWayAt: Date | null } | undefined;
  if (posterMayCancel) {
    if (feeOwed) ({ feeOwedCents, onMyWayGuard } = await feeNow(db, jobId));
    details = { by: "poster", reason: text || null, cancellationFeeCents: feeOwedCents, feeOwedTo: feeOwed ? job.scooperId : null };
  } else if (isAdmin(actor)) {
    if (isTerminal(job.status)) throw new AppError("PRECONDITION_FAILED", "job.alreadyStatus", { status: job.status });
    if (!text) throw new AppError("BAD_REQUEST", "job.adminCancelReason");
    details = { by: "admin", reason: text };
    // A "can't get in" job: the admin decides whether the scooper's trip earns the cancellation fee.
    if (job.status === "UNREACHABLE") {
      if (typeof opts.scooperFeeOwed !== "boolean") throw new AppError("BAD_REQUEST", "job.feeDecisionRequired");
      if (opts.scooperFeeOwed) ({ feeOwedCents, onMyWayGuard } = await feeNow(db, jobId));
      details = { ...details, scooperFeeOwed: opts.scooperFeeOwed, cancellationFeeCents: feeOwedCents, feeOwedTo: opts.scooperFeeOwed ? job.scooperId : null };
    }
    byAdmin = true;
  } else if (poster) {
    throw new AppError("PRECONDITION_FAILED", "job.onlyAdminCancels", { status: job.status });
  } else {
    throw new AppError("FORBIDDEN", "job.onlyPosterOrAdminCancels");
  }
  await commitWithEffects(db, async (tx, emit) => {
    await transition(tx, {
      jobId,
      from: job.status,
      to: "CANCELLED",
      event: "cancelled",
      actorId: actor.id,
      where: onMyWayGuard,
      data: { cancelledAt: new Date(), cancelReason: text || null },
      details,
    });
    // An admin cancellation is an admin action: audited with the change, whichever page or API it came from.
    if (byAdmin) {
      await recordAudit(tx, { actorId: actor.id, action: "job.cancel", targetType: "job", targetId: jobId, before: { status: job.status }, after: { status: "CANCELLED" }, reason: text });
    }
    // The poster cancelling a claimed job pays the scooper's fee; every other cancellation releases the hold.
    emit(settlement(jobId, feeOwedCents > 0 ? "cancellation-fee" : "void"), jobChangeNotification(jobId, "cancelled"));
  });
  await Promise.all([
    cancelJobTimer("expire", jobId), cancelJobTimer("start-deadline", jobId), cancelJobTimer("auto-confirm", jobId), cancelJobTimer("answer-deadline", jobId),
  ]);
  await announceJobChange(db, jobId, "cancelled");
  return { feeOwedCents };
}

/**
 * What cancelling owes the scooper now: the job's own cancellation rate, fixed when it was posted (the amount the
 * job page showed), raised to its minimum once the scooper said "on my way". The fee depends on "on my way", so
 * the cancel applies only if that is still what it was when the fee was read (the guard): a scooper's "on my way"
 * committing in between makes the cancel a CONFLICT, never a fee the poster was not shown.
 */
async function feeNow(db: Db, jobId: string) {
  const rates = await db.cleanupJob.findUniqueOrThrow({
    where: { id: jobId }, select: { priceCents: true, platformFeePercent: true, cancellationFeePercent: true, minCancelFeeCents: true, onMyWayAt: true },
  });
  return { feeOwedCents: jobAmounts(rates).cancellationFeeCents, onMyWayGuard: { onMyWayAt: rates.onMyWayAt } };
}
