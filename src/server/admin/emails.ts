/**
 * Admin view of sent email (`EmailMessage` rows written by `queueEmail`) and retrying a FAILED one. The body is
 * never listed: it can hold a one-time link.
 */
import { z } from "zod";
import { EmailStatus } from "@/generated/prisma/enums";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { enqueue } from "@/server/queues/queues";
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
 * FAILED → QUEUED (conditional, so two admins clicking at once retry it once) with the audit row, then a new
 * BullMQ job. The first job's id (`email-<id>`) is still held by the failed job and BullMQ ignores an existing id,
 * so each retry gets its own (`email-<id>-retry-<n>`); `deliverEmail` re-checks SENT, so nothing is sent twice.
 */
export async function retryFailedEmail(db: Db, actorId: string, messageId: string, reason: string | null = null): Promise<{ jobId: string }> {
  const jobId = await db.$transaction(async (tx) => {
    const before = await tx.emailMessage.findUnique({ where: { id: messageId }, select: { status: true, attempts: true, lastError: true } });
    if (!before) throw new AppError("NOT_FOUND", "admin.emailNotFound");
    const updated = await tx.emailMessage.updateMany({ where: { id: messageId, status: "FAILED" }, data: { status: "QUEUED" } });
    if (updated.count !== 1) throw new AppError("CONFLICT", "admin.emailRetryOnlyFailed", { status: before.status });
    const previous = await tx.auditLog.count({ where: { action: "email.retry", targetType: "email", targetId: messageId } });
    await recordAudit(tx, { actorId, action: "email.retry", targetType: "email", targetId: messageId, before, after: { status: "QUEUED" }, reason });
    return `email-${messageId}-retry-${previous + 1}`;
  });
  await enqueue("emails", { kind: "send", messageId }, { jobId });
  return { jobId };
}
