/**
 * Admin view of sent email (`EmailMessage` rows written by `queueEmail`) and retrying a FAILED one. The body is
 * never listed: it can hold a one-time link.
 */
import { z } from "zod";
import { EmailStatus } from "@/generated/prisma/enums";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import { enqueue, withinHandOverTime } from "@/server/queues/queues";
import { recordAudit } from "@/server/audit/audit-log";

export const adminEmailQuerySchema = z.object({
  status: z.enum(EmailStatus).nullable().default(null),
  to: z.string().trim().max(200).default(""),
  take: z.number().int().min(1).max(200).default(100),
});

export const adminEmailRowSchema = z.object({
  id: z.string(),
  kind: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  status: z.enum(EmailStatus),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});

export async function listAdminEmails(db: Tx, query: z.input<typeof adminEmailQuerySchema>) {
  const q = adminEmailQuerySchema.parse(query);
  return db.emailMessage.findMany({
    where: {
      ...(q.status ? { status: q.status } : {}),
      ...(q.to ? { toAddress: { contains: q.to, mode: "insensitive" } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: q.take,
    select: { id: true, kind: true, toAddress: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true },
  });
}

/**
 * FAILED → QUEUED (conditional, so two admins clicking at once retry it once) with the audit row and a new BullMQ
 * job. The first job's id (`email-<id>`) is still held by the failed job and BullMQ ignores an existing id, so each
 * retry gets its own (`email-<id>-retry-<n>`); `deliverEmail` re-checks SENT, so nothing is sent twice. The job is
 * queued before the commit: when Redis refuses it, nothing changes (the email stays FAILED, no audit row) and the
 * admin is told to try again. Queued after the commit, a refusal left it QUEUED with nothing to send it, and no way
 * to retry it again (the relay skips an email whose first job BullMQ still holds, failed, for two weeks).
 */
export async function retryFailedEmail(db: Db, actorId: string, messageId: string, reason: string | null = null): Promise<{ jobId: string }> {
  return db.$transaction(async (tx) => {
    const before = await tx.emailMessage.findUnique({ where: { id: messageId }, select: { status: true, attempts: true, lastError: true } });
    if (!before) throw new AppError("NOT_FOUND", "admin.emailNotFound");
    const updated = await tx.emailMessage.updateMany({ where: { id: messageId, status: "FAILED" }, data: { status: "QUEUED" } });
    if (updated.count !== 1) throw new AppError("CONFLICT", "admin.emailRetryOnlyFailed", { status: before.status });
    const previous = await tx.auditLog.count({ where: { action: "email.retry", targetType: "email", targetId: messageId } });
    await recordAudit(tx, { actorId, action: "email.retry", targetType: "email", targetId: messageId, before, after: { status: "QUEUED" }, reason });
    const jobId = `email-${messageId}-retry-${previous + 1}`;
    try {
      await withinHandOverTime(enqueue("emails", { kind: "send", messageId }, { jobId }));
    } catch (err) {
      logger.warn({ err, messageId }, "could not queue an admin's email retry; nothing changed");
      throw new AppError("SERVICE_UNAVAILABLE", "server.unavailable");
    }
    return { jobId };
  });
}
