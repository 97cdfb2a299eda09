/** The append-only admin audit log: one row per administrative action, written with the change it records. */
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

const asJson = (v: unknown) => (v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as Prisma.InputJsonValue));

export async function recordAudit(db: Tx, entry: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: asJson(entry.before),
      after: asJson(entry.after),
      reason: entry.reason ?? null,
    },
  });
}

export const auditRowSchema = z.object({
  id: z.string(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  createdAt: z.date(),
});

/** The audit page's filters; each narrows the list, all together AND. */
export const auditQuerySchema = z.object({
  /** Exactly this target (a user, job or subscription id). */
  targetId: z.string().trim().max(200).optional(),
  /** Actions starting with this, e.g. "user." or "user.ban". */
  action: z.string().trim().max(100).optional(),
  /** The acting admin's email contains this (case-insensitive). */
  actorEmail: z.string().trim().max(200).optional(),
  take: z.number().int().min(1).max(200).default(100),
});

export async function listAudit(db: Tx, opts: z.output<typeof auditQuerySchema>) {
  const rows = await db.auditLog.findMany({
    where: {
      ...(opts.targetId ? { targetId: opts.targetId } : {}),
      ...(opts.action ? { action: { startsWith: opts.action } } : {}),
      ...(opts.actorEmail ? { actor: { email: { contains: opts.actorEmail, mode: "insensitive" } } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: opts.take,
    select: { id: true, action: true, targetType: true, targetId: true, before: true, after: true, reason: true, createdAt: true, actor: { select: { email: true } } },
  });
  return rows.map(({ actor, ...r }) => ({ ...r, actorEmail: actor?.email ?? null }));
}
