/**
 * The admin approval of new scoopers (issue 19, `SCOOPER_APPROVAL`). When it is on, a scooper whose account has
 * not been approved sees the board like anyone but claiming answers "awaiting approval"; admins approve them from
 * the queue on /admin/scoopers, each approval audited. Scoopers who existed when the rule arrived were approved by
 * its migration. When the setting is off nothing is checked (and turning it on later asks approval of everyone not
 * yet approved).
 */
import { z } from "zod";
import { env } from "@/env";
import { recordAudit } from "@/server/audit/audit-log";
import type { Db, Tx } from "@/server/db";
import { AppError, errorMessage } from "@/server/errors";

export const AWAITING_APPROVAL_MESSAGE = errorMessage("en", "account.awaitingApproval");

export const scooperApprovalRequired = () => env.SCOOPER_APPROVAL === "1";

/** Claim eligibility: with SCOOPER_APPROVAL on, only an approved scooper claims (PRECONDITION_FAILED otherwise). */
export async function requireApprovedScooper(tx: Tx, scooperId: string): Promise<void> {
  if (!scooperApprovalRequired()) return;
  const user = await tx.user.findUnique({ where: { id: scooperId }, select: { scooperApprovedAt: true } });
  if (!user?.scooperApprovedAt) throw new AppError("PRECONDITION_FAILED", "account.awaitingApproval");
}

export const awaitingScooperSchema = z.object({ id: z.string(), email: z.string(), name: z.string().nullable(), createdAt: z.date() });

/** The queue: active scoopers not yet approved, oldest first. */
export function listScoopersAwaitingApproval(db: Db) {
  return db.user.findMany({
    where: { roles: { has: "SCOOPER" }, scooperApprovedAt: null, status: "ACTIVE", deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: { id: true, email: true, name: true, createdAt: true },
  });
}

/** Approves one scooper, with the `scooper.approve` audit row in the same transaction. Twice: CONFLICT. */
export async function approveScooper(db: Db, admin: { id: string }, userId: string, note: string | null): Promise<{ approvedAt: Date }> {
  const approvedAt = new Date();
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, roles: { has: "SCOOPER" }, scooperApprovedAt: null },
      data: { scooperApprovedAt: approvedAt, scooperApprovedById: admin.id },
    });
    if (count !== 1) {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { roles: true } });
      if (!user?.roles.includes("SCOOPER")) throw new AppError("NOT_FOUND", "account.scooperNotFound");
      throw new AppError("CONFLICT", "account.scooperAlreadyApproved");
    }
    await recordAudit(tx, { actorId: admin.id, action: "scooper.approve", targetType: "user", targetId: userId, after: { approvedAt }, reason: note });
    return { approvedAt };
  });
}

/** For the scooper's own pages: whether approval applies to them and whether they have it. */
export async function myScooperApproval(db: Db, userId: string): Promise<{ required: boolean; approved: boolean }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { scooperApprovedAt: true } });
  return { required: scooperApprovalRequired(), approved: !!user?.scooperApprovedAt };
}
