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
import type { Db } from "@/server/db";
import { AppError, errorMessage } from "@/server/errors";
import { scooperProfileSchema, toProfileDto } from "./scooper-profile";

export const AWAITING_APPROVAL_MESSAGE = errorMessage("en", "account.awaitingApproval");

export const scooperApprovalRequired = () => env.SCOOPER_APPROVAL === "1";

export const awaitingScooperSchema = z.object({
  id: z.string(), email: z.string(), name: z.string().nullable(), createdAt: z.date(),
  /** The onboarding profile and what they accepted, shown beside "Approve". */
  profile: scooperProfileSchema,
  acceptances: z.array(z.object({ attestationId: z.string(), version: z.number().int(), text: z.string(), acceptedAt: z.date() })),
});

/** The queue: active scoopers not yet approved, oldest first, with their profile and accepted statements. */
export async function listScoopersAwaitingApproval(db: Db): Promise<z.infer<typeof awaitingScooperSchema>[]> {
  const rows = await db.user.findMany({
    where: { roles: { has: "SCOOPER" }, scooperApprovedAt: null, status: "ACTIVE", deletedAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true, email: true, name: true, createdAt: true,
      scooperProfile: { select: { displayName: true, photoKey: true, serviceLat: true, serviceLng: true, serviceRadiusKm: true } },
      attestationAcceptances: { orderBy: { acceptedAt: "desc" }, take: 50, select: { attestationId: true, version: true, text: true, acceptedAt: true } },
    },
  });
  return rows.map(({ scooperProfile, attestationAcceptances, ...u }) => ({ ...u, profile: toProfileDto(scooperProfile), acceptances: attestationAcceptances }));
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
