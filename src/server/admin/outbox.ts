/**
 * The outbox on the admin queue page: side effects that failed every attempt (DEAD), with their error, and an
 * audited retry. A retry makes the row PENDING again (conditional, so two admins clicking retry once) and hands
 * it to BullMQ under a fresh id (`<row>-retry-<n>`): BullMQ still holds the failed job under the old one.
 */
import { z } from "zod";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { dispatchOutbox } from "@/server/outbox/outbox";
import { recordAudit } from "@/server/audit/audit-log";

export const deadOutboxRowSchema = z.object({
  id: z.string(),
  queue: z.string(),
  kind: z.string(),
  payload: z.unknown(),
  attempts: z.number(),
  retries: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const outboxSummarySchema = z.object({ pending: z.number(), dead: z.number(), oldestPendingAt: z.date().nullable() });

export async function outboxSummary(db: Db) {
  const [pending, dead, oldest] = await Promise.all([
    db.outboxMessage.count({ where: { status: "PENDING" } }),
    db.outboxMessage.count({ where: { status: "DEAD" } }),
    db.outboxMessage.findFirst({ where: { status: "PENDING" }, orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
  ]);
  return { pending, dead, oldestPendingAt: oldest?.createdAt ?? null };
}

export async function listDeadOutbox(db: Db, take = 50) {
  return db.outboxMessage.findMany({
    where: { status: "DEAD" },
    orderBy: { updatedAt: "desc" },
    take,
    select: { id: true, queue: true, kind: true, payload: true, attempts: true, retries: true, lastError: true, createdAt: true, updatedAt: true },
  });
}

export async function retryDeadOutbox(db: Db, actorId: string, id: string, reason: string | null = null): Promise<{ jobId: string }> {
  const row = await db.$transaction(async (tx) => {
    const before = await tx.outboxMessage.findUnique({ where: { id }, select: { status: true, attempts: true, lastError: true } });
    if (!before) throw new AppError("NOT_FOUND", "admin.sideEffectNotFound");
    const updated = await tx.outboxMessage.updateMany({ where: { id, status: "DEAD" }, data: { status: "PENDING", attempts: 0, retries: { increment: 1 } } });
    if (updated.count !== 1) throw new AppError("CONFLICT", "admin.sideEffectRetryOnlyFailed", { status: before.status });
    await recordAudit(tx, { actorId, action: "outbox.retry", targetType: "outbox", targetId: id, before, after: { status: "PENDING" }, reason });
    return tx.outboxMessage.findUniqueOrThrow({ where: { id }, select: { id: true, queue: true, kind: true, payload: true, retries: true } });
  });
  await dispatchOutbox([row]);
  return { jobId: `${row.id}-retry-${row.retries}` };
}
