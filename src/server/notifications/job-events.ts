/**
 * Typed entry points the marketplace calls after a transition has committed: each loads what it needs by id
 * and calls `notify` with an event key that names the transition, so calling twice (a retry, a timer firing
 * twice) notifies once, while a later, separate transition of the same kind (a second claim after a release)
 * notifies again. Each returns null when the job is missing or not in the state the event describes.
 *
 * They run in the worker (the transition emitted a `job-change` outbox effect) and throw on failure, so BullMQ
 * retries them with backoff; the event keys make a retry send only what is still missing.
 */
import { env } from "@/env";
import { jobAmounts } from "@/lib/money";
import { localDateIn } from "@/lib/schedules";
import type { Tx } from "@/server/db";
import { jobRules } from "@/server/jobs/config";
import type { CancelSystemReason } from "@/server/email/templates/job-cancelled";
import { notify, type NotifyResult } from "./notify";

/** Minutes after completion when a job confirms itself: the timer's own setting, so the email says what happens. */
const autoConfirmMinutes = () => Math.round(jobRules.autoConfirmMs / 60_000);

const jobSelect = {
  id: true, posterId: true, scooperId: true, status: true, address: true, priceCents: true,
  claimedAt: true, onMyWayAt: true, onMyWayEtaAt: true, unreachableAt: true, unreachableReason: true, unreachableNote: true, answerDeadlineAt: true,
  startDeadlineAt: true, completedAt: true, confirmedAt: true, expiredAt: true, expiresAt: true, updatedAt: true,
  platformFeePercent: true, cancellationFeePercent: true, minCancelFeeCents: true,
  scooper: { select: { name: true } },
} as const;

async function loadJob(db: Tx, jobId: string) {
  return db.cleanupJob.findUnique({ where: { id: jobId }, select: jobSelect });
}

/** Names the event in the error a failed notification throws (the worker logs it with the job id). */
async function safely<T>(event: string, jobId: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw new Error(`${event} notification for job ${jobId} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

/** The scooper's name, or null when they gave none (the notification says "Your scooper" in the recipient's language). */
const scooperName = (job: { scooper: { name: string | null } | null }) => job.scooper?.name?.trim() || null;

/** OPEN → CLAIMED: tells the poster who claimed it. */
export function notifyJobClaimed(db: Tx, jobId: string): Promise<NotifyResult> {
  return safely("job.claimed", jobId, async () => {
    const job = await loadJob(db, jobId);
    if (!job?.scooperId || !job.claimedAt) return null;
    return notify(db, {
      kind: "job.claimed",
      recipientId: job.posterId,
      eventKey: `job.claimed:${job.id}:${job.claimedAt.toISOString()}`,
      data: { jobId: job.id, address: job.address, scooperName: scooperName(job), startBy: job.startDeadlineAt },
    });
  });
}

/** The claiming scooper said "on my way": tells the poster, with the estimated arrival when there is one. Once per claim. */
export function notifyJobOnMyWay(db: Tx, jobId: string): Promise<NotifyResult> {
  return safely("job.on-my-way", jobId, async () => {
    const job = await loadJob(db, jobId);
    // Nothing to say once the claim ended (released, cancelled) before the worker got to it.
    if (!job?.onMyWayAt || job.status !== "CLAIMED") return null;
    const etaMinutes = job.onMyWayEtaAt ? Math.max(0, Math.round((job.onMyWayEtaAt.getTime() - job.onMyWayAt.getTime()) / 60_000)) : null;
    return notify(db, {
      kind: "job.on-my-way",
      recipientId: job.posterId,
      eventKey: `job.on-my-way:${job.id}:${job.onMyWayAt.toISOString()}`,
      data: {
        jobId: job.id, address: job.address, scooperName: scooperName(job), etaMinutes,
        etaAt: job.onMyWayEtaAt,
      },
    });
  });
}

/** CLAIMED / IN_PROGRESS → UNREACHABLE: asks the poster to answer, with the reason, the deadline and the fee. Once per report. */
export function notifyJobUnreachable(db: Tx, jobId: string): Promise<NotifyResult> {
  return safely("job.unreachable", jobId, async () => {
    const job = await loadJob(db, jobId);
    if (!job || job.status !== "UNREACHABLE" || !job.unreachableAt || !job.unreachableReason || !job.answerDeadlineAt) return null;
    return notify(db, {
      kind: "job.unreachable",
      recipientId: job.posterId,
      eventKey: `job.unreachable:${job.id}:${job.unreachableAt.toISOString()}`,
      data: {
        jobId: job.id, address: job.address, scooperName: scooperName(job), reason: job.unreachableReason, note: job.unreachableNote,
        answerBy: job.answerDeadlineAt, feeCents: jobAmounts(job).cancellationFeeCents,
      },
    });
  });
}

/** UNREACHABLE → CLAIMED ("try again"): tells the scooper, with the new start deadline. Once per answer. */
export function notifyJobRetry(db: Tx, jobId: string): Promise<NotifyResult> {
  return safely("job.retry", jobId, async () => {
    const job = await loadJob(db, jobId);
    const answer = await db.jobEvent.findFirst({ where: { jobId, type: "unreachable_retry" }, orderBy: { createdAt: "desc" }, select: { id: true } });
    if (!job?.scooperId || job.status !== "CLAIMED" || !job.startDeadlineAt || !answer) return null;
    return notify(db, {
      kind: "job.retry",
      recipientId: job.scooperId,
      eventKey: `job.retry:${answer.id}`,
      data: { jobId: job.id, address: job.address, startBy: job.startDeadlineAt },
    });
  });
}

const EXCERPT_CHARS = 140;

/**
 * A job message (src/server/jobs/messages.ts): tells the other party of its conversation, once per message. Nothing
 * is sent to a scooper whose claim ended before the worker got to it.
 */
export function notifyJobMessage(db: Tx, messageId: string): Promise<NotifyResult> {
  return safely("job.message", messageId, async () => {
    const message = await db.jobMessage.findUnique({
      where: { id: messageId },
      select: { id: true, jobId: true, senderId: true, scooperId: true, body: true, _count: { select: { photos: true } } },
    });
    if (!message) return null;
    const job = await loadJob(db, message.jobId);
    if (!job) return null;
    const fromPoster = message.senderId === job.posterId;
    if (fromPoster && job.scooperId !== message.scooperId) return null;
    const body = message.body.replace(/\s+/g, " ").trim();
    return notify(db, {
      kind: "job.message",
      recipientId: fromPoster ? message.scooperId : job.posterId,
      eventKey: `job.message:${message.id}`,
      data: {
        jobId: job.id, address: job.address, photoCount: message._count.photos,
        sender: fromPoster ? { role: "customer" } : { role: "scooper", name: scooperName(job) },
        excerpt: body.length > EXCERPT_CHARS ? `${body.slice(0, EXCERPT_CHARS - 1)}…` : body,
      },
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
      data: { jobId: job.id, address: job.address, scooperName: scooperName(job), photoUrls: opts.thumbnailUrls ?? [], autoConfirmMinutes: autoConfirmMinutes() },
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
      feeCents: jobAmounts(job).platformFeeCents,
      takeHomeCents: jobAmounts(job).takeHomeCents,
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

/**
 * A generated job opened with a preferred scooper's window: tells that scooper it is theirs to claim first. Once
 * per opening (the window's end is in the key); nothing once the window closed or the job moved on.
 */
export function notifyJobReserved(db: Tx, jobId: string): Promise<NotifyResult> {
  return safely("job.reserved", jobId, async () => {
    const job = await db.cleanupJob.findUnique({
      where: { id: jobId },
      select: { id: true, status: true, address: true, priceCents: true, platformFeePercent: true, cancellationFeePercent: true, minCancelFeeCents: true, exclusiveScooperId: true, exclusiveUntil: true },
    });
    if (!job || job.status !== "OPEN" || !job.exclusiveScooperId || !job.exclusiveUntil || job.exclusiveUntil <= new Date()) return null;
    return notify(db, {
      kind: "job.reserved",
      recipientId: job.exclusiveScooperId,
      eventKey: `job.reserved:${job.id}:${job.exclusiveUntil.toISOString()}`,
      data: { jobId: job.id, address: job.address, takeHomeCents: jobAmounts(job).takeHomeCents, windowMinutes: env.PREFERRED_SCOOPER_WINDOW_MINUTES },
    });
  });
}

/**
 * → CANCELLED: tells the scooper who held the claim (with the fee they are paid, if any), and the poster when
 * someone else cancelled (an admin, or Scoop itself when the payment lapsed or was refused).
 */
export function notifyJobCancelled(db: Tx, jobId: string): Promise<NotifyResult[] | null> {
  return safely("job.cancelled", jobId, async () => {
    const job = await loadJob(db, jobId);
    const event = await db.jobEvent.findFirst({
      where: { jobId, toStatus: "CANCELLED" }, orderBy: { createdAt: "desc" }, select: { fromStatus: true, details: true, type: true },
    });
    if (!job || job.status !== "CANCELLED" || !event) return null;
    const details = (event.details ?? {}) as { by?: string; reason?: string | null; cancellationFeeCents?: number };
    const by = details.by === "poster" ? "poster" : details.by === "admin" ? "admin" : "system";
    // Scoop's own reasons are codes the notification words in the recipient's language; a person's are their text.
    const { systemReason, reason } = cancelReason(event.type, details.reason ?? null);
    const feeCents = details.cancellationFeeCents ?? 0;
    const eventKey = `job.cancelled:${job.id}`;
    const data = { jobId: job.id, address: job.address, by, reason, systemReason, feeCents } as const;
    const results: NotifyResult[] = [];
    const held = event.fromStatus === "CLAIMED" || event.fromStatus === "IN_PROGRESS" || event.fromStatus === "UNREACHABLE" || event.fromStatus === "COMPLETED";
    if (job.scooperId && held) results.push(await notify(db, { kind: "job.cancelled", recipientId: job.scooperId, eventKey, data: { ...data, audience: "scooper" } }));
    if (by !== "poster") results.push(await notify(db, { kind: "job.cancelled", recipientId: job.posterId, eventKey, data: { ...data, audience: "poster" } }));
    return results;
  });
}

/**
 * Why a job was cancelled, as the cancellation notice says it. A person's reason (the poster's, an admin's) is their
 * own text; Scoop's own are codes: the answer deadline, and a payment that failed, whose stored reason is one of
 * payment-gate's callers' sentences (a declined card keeps Stripe's own words after it, which are not translated).
 */
function cancelReason(eventType: string, stored: string | null): { systemReason: CancelSystemReason | null; reason: string | null } {
  if (eventType === "unreachable_deadline_passed") return { systemReason: "noAnswer", reason: null };
  if (eventType !== "payment_failed") return { systemReason: null, reason: stored };
  if (stored?.startsWith(DECLINED)) return { systemReason: "paymentDeclined", reason: stored.slice(DECLINED.length) };
  if (stored === "payment not completed in time") return { systemReason: "paymentTimeout", reason: null };
  if (stored === "the card needs the customer to confirm the payment") return { systemReason: "paymentNeedsAction", reason: null };
  return { systemReason: "paymentFailed", reason: null };
}
const DECLINED = "payment not authorized";

/** COMPLETED → DISPUTED: tells the scooper and every admin. The dispute's id makes the event key. */
export function notifyDisputeOpened(db: Tx, jobId: string): Promise<NotifyResult[] | null> {
  return safely("dispute.opened", jobId, async () => {
    const job = await loadJob(db, jobId);
    const dispute = await db.dispute.findUnique({ where: { jobId }, select: { id: true, reason: true } });
    if (!job || !dispute) return null;
    const eventKey = `dispute.opened:${dispute.id}`;
    const data = { jobId: job.id, address: job.address, reason: dispute.reason };
    const results: NotifyResult[] = [];
    if (job.scooperId) results.push(await notify(db, { kind: "dispute.opened", recipientId: job.scooperId, eventKey, data: { ...data, audience: "scooper" } }));
    const admins = await db.user.findMany({ where: { roles: { has: "ADMIN" }, status: "ACTIVE" }, select: { id: true } });
    for (const admin of admins) results.push(await notify(db, { kind: "dispute.opened", recipientId: admin.id, eventKey, data: { ...data, audience: "admin" } }));
    return results;
  });
}

/** DISPUTED → RESOLVED: tells the poster and the scooper the outcome. */
export function notifyDisputeResolved(db: Tx, jobId: string): Promise<NotifyResult[] | null> {
  return safely("dispute.resolved", jobId, async () => {
    const job = await loadJob(db, jobId);
    const dispute = await db.dispute.findUnique({ where: { jobId }, select: { id: true, outcome: true, refundCents: true } });
    if (!job || !dispute?.outcome) return null;
    const eventKey = `dispute.resolved:${dispute.id}`;
    const data = { jobId: job.id, address: job.address, outcome: dispute.outcome, refundCents: dispute.refundCents ?? 0 };
    const recipients = [job.posterId, ...(job.scooperId ? [job.scooperId] : [])];
    const results: NotifyResult[] = [];
    for (const recipientId of recipients) results.push(await notify(db, { kind: "dispute.resolved", recipientId, eventKey, data }));
    return results;
  });
}
