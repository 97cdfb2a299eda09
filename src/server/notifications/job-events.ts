/**
 * Typed entry points the marketplace calls after a transition has committed: each loads what it needs by id
 * and calls `notify` with an event key that names the transition, so calling twice (a retry, a timer firing
 * twice) notifies once, while a later, separate transition of the same kind (a second claim after a release)
 * notifies again. Each returns null when the job is missing or not in the state the event describes.
 *
 * They never throw: the transition already happened, and a failed notification must not turn it into an
 * error for the user; the failure is logged.
 */
import { env } from "@/env";
import { platformFeeCents, takeHomeCents } from "@/lib/money";
import { localDateIn } from "@/lib/schedules";
import type { Tx } from "@/server/db";
import { logger } from "@/server/logger";
import { notify, type NotifyResult } from "./notify";

/** Hours after completion when a job confirms itself (the marketplace's timer; mirrored in the email text). */
const AUTO_CONFIRM_HOURS = 24;

const jobSelect = {
  id: true, posterId: true, scooperId: true, status: true, address: true, priceCents: true,
  claimedAt: true, completedAt: true, confirmedAt: true, expiredAt: true, expiresAt: true, updatedAt: true,
  scooper: { select: { name: true } },
} as const;

async function loadJob(db: Tx, jobId: string) {
  return db.cleanupJob.findUnique({ where: { id: jobId }, select: jobSelect });
}

async function safely<T>(event: string, jobId: string, fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (err) {
    logger.error({ err, event, jobId }, "notification failed");
    return null;
  }
}

const scooperName = (job: { scooper: { name: string | null } | null }) => job.scooper?.name?.trim() || "Your scooper";

/** OPEN → CLAIMED: tells the poster who claimed it. */
export function notifyJobClaimed(db: Tx, jobId: string): Promise<NotifyResult> {
  return safely("job.claimed", jobId, async () => {
    const job = await loadJob(db, jobId);
    if (!job?.scooperId || !job.claimedAt) return null;
    return notify(db, {
      kind: "job.claimed",
      recipientId: job.posterId,
      eventKey: `job.claimed:${job.id}:${job.claimedAt.toISOString()}`,
      data: { jobId: job.id, address: job.address, scooperName: scooperName(job) },
    });
  });
}

/** CLAIMED → OPEN (released by the scooper or the start deadline): tells the poster it is back on the map. */
export function notifyJobReopened(db: Tx, jobId: string): Promise<NotifyResult> {
  return safely("job.reopened", jobId, async () => {
    const job = await loadJob(db, jobId);
    if (!job || job.status !== "OPEN") return null;
    return notify(db, {
      kind: "job.reopened",
      recipientId: job.posterId,
      eventKey: `job.reopened:${job.id}:${job.updatedAt.toISOString()}`,
      data: { jobId: job.id, address: job.address },
    });
  });
}

/** IN_PROGRESS → COMPLETED: tells the poster, with thumbnails of the after photos (absolute URLs). */
export function notifyJobCompleted(db: Tx, jobId: string, opts: { thumbnailUrls?: string[] } = {}): Promise<NotifyResult> {
  return safely("job.completed", jobId, async () => {
    const job = await loadJob(db, jobId);
    if (!job?.completedAt) return null;
    return notify(db, {
      kind: "job.completed",
      recipientId: job.posterId,
      eventKey: `job.completed:${job.id}:${job.completedAt.toISOString()}`,
      data: { jobId: job.id, address: job.address, scooperName: scooperName(job), photoUrls: opts.thumbnailUrls ?? [], autoConfirmHours: AUTO_CONFIRM_HOURS },
    });
  });
}

/** COMPLETED → CONFIRMED (by the poster or auto-confirm): a receipt to the poster and to the scooper. */
export function notifyJobConfirmed(db: Tx, jobId: string): Promise<NotifyResult[] | null> {
  return safely("job.confirmed", jobId, async () => {
    const job = await loadJob(db, jobId);
    if (!job?.confirmedAt) return null;
    const base = {
      jobId: job.id,
      address: job.address,
      confirmedOn: localDateIn(env.APP_TIMEZONE, job.confirmedAt),
      priceCents: job.priceCents,
      feeCents: platformFeeCents(job.priceCents),
      takeHomeCents: takeHomeCents(job.priceCents),
    };
    const eventKey = `job.confirmed:${job.id}`;
    const results = [await notify(db, { kind: "job.confirmed", recipientId: job.posterId, eventKey, data: { ...base, role: "poster" } })];
    if (job.scooperId) results.push(await notify(db, { kind: "job.confirmed", recipientId: job.scooperId, eventKey, data: { ...base, role: "scooper" } }));
    return results;
  });
}

/** OPEN → EXPIRED: tells the poster, with a one-tap re-post link. */
export function notifyJobExpired(db: Tx, jobId: string): Promise<NotifyResult> {
  return safely("job.expired", jobId, async () => {
    const job = await loadJob(db, jobId);
    if (!job || job.status !== "EXPIRED") return null;
    return notify(db, {
      kind: "job.expired",
      recipientId: job.posterId,
      eventKey: `job.expired:${job.id}`,
      data: { jobId: job.id, address: job.address },
    });
  });
}

/** COMPLETED → DISPUTED: tells the scooper and every admin. `disputeId` makes the event key. */
export function notifyDisputeOpened(db: Tx, input: { jobId: string; disputeId: string; reason: string }): Promise<NotifyResult[] | null> {
  return safely("dispute.opened", input.jobId, async () => {
    const job = await loadJob(db, input.jobId);
    if (!job) return null;
    const eventKey = `dispute.opened:${input.disputeId}`;
    const data = { jobId: job.id, address: job.address, reason: input.reason };
    const results: NotifyResult[] = [];
    if (job.scooperId) results.push(await notify(db, { kind: "dispute.opened", recipientId: job.scooperId, eventKey, data: { ...data, audience: "scooper" } }));
    const admins = await db.user.findMany({ where: { roles: { has: "ADMIN" }, status: "ACTIVE" }, select: { id: true } });
    for (const admin of admins) results.push(await notify(db, { kind: "dispute.opened", recipientId: admin.id, eventKey, data: { ...data, audience: "admin" } }));
    return results;
  });
}

/** DISPUTED → RESOLVED: tells the poster and the scooper the outcome. */
export function notifyDisputeResolved(
  db: Tx,
  input: { jobId: string; disputeId: string; outcome: "RELEASE" | "PARTIAL_REFUND" | "FULL_REFUND"; refundCents: number },
): Promise<NotifyResult[] | null> {
  return safely("dispute.resolved", input.jobId, async () => {
    const job = await loadJob(db, input.jobId);
    if (!job) return null;
    const eventKey = `dispute.resolved:${input.disputeId}`;
    const data = { jobId: job.id, address: job.address, outcome: input.outcome, refundCents: input.refundCents };
    const recipients = [job.posterId, ...(job.scooperId ? [job.scooperId] : [])];
    const results: NotifyResult[] = [];
    for (const recipientId of recipients) results.push(await notify(db, { kind: "dispute.resolved", recipientId, eventKey, data }));
    return results;
  });
}
