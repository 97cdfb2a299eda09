/**
 * Administrative changes to accounts. Each writes one AuditLog row (who, what, target, before/after, reason)
 * in the same transaction as the change. `actorId` is null when the change comes from the CLI.
 */
import { z } from "zod";
import type { Role } from "@/generated/prisma/enums";
import type { Db, Tx } from "@/server/db";
import { recordAudit } from "@/server/audit/audit-log";
import { logger } from "@/server/logger";
import { publishSessionsRevoked } from "@/server/realtime/events";
import { AppError } from "@/server/errors";
import { commitWithEffects, type Emit } from "@/server/outbox/outbox";
import { accountBlockEffect, applyAccountBlock } from "./account-block";

export const roleSchema = z.enum(["CUSTOMER", "SCOOPER", "ADMIN"]);
export const reasonSchema = z.string().trim().min(3, "Give a reason.").max(500);

type Actor = { id: string } | null;

const userSnapshot = { id: true, email: true, roles: true, status: true, suspendedUntil: true, statusReason: true, postingHeldAt: true } as const;

/** After a commit that ended a user's sessions: close their live connections too (best effort). */
async function endLiveSessions(userId: string) {
  await publishSessionsRevoked(userId).catch((err) => logger.error({ err, userId }, "could not revoke live sessions"));
}

async function audited<T>(
  db: Db,
  actor: Actor,
  action: string,
  userId: string,
  reason: string | null,
  change: (tx: Tx, emit: Emit) => Promise<T>,
): Promise<T> {
  return commitWithEffects(db, async (tx, emit) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: userSnapshot });
    if (!before) throw new AppError("NOT_FOUND", "account.userNotFound");
    const result = await change(tx, emit);
    const after = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: userSnapshot });
    await recordAudit(tx, { actorId: actor?.id ?? null, action, targetType: "user", targetId: userId, before, after, reason });
    return result;
  });
}

export async function grantRole(db: Db, actor: Actor, userId: string, role: Role, reason: string | null = null) {
  await audited(db, actor, "user.role.grant", userId, reason, async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { roles: true } });
    if (!user.roles.includes(role)) await tx.user.update({ where: { id: userId }, data: { roles: { push: role } } });
  });
}

export async function revokeRole(db: Db, actor: Actor, userId: string, role: Role, reason: string) {
  if (actor?.id === userId && role === "ADMIN") throw new AppError("BAD_REQUEST", "account.ownAdminRole");
  await audited(db, actor, "user.role.revoke", userId, reason, async (tx) => {
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { roles: true } });
    await tx.user.update({ where: { id: userId }, data: { roles: user.roles.filter((r) => r !== role), sessionVersion: { increment: 1 } } });
  });
  await endLiveSessions(userId);
}

/**
 * Suspension and ban end every session at once (session version bump); sign-in then explains why. Then the
 * block bites on the marketplace (account-block.ts): open jobs cancelled, subscriptions paused, claims returned.
 * Only an admin blocks (the block's job cancellations are admin cancellations). The block's effects are applied at
 * once, and are also an outbox effect of the status change, so a process that dies half-way through them still
 * sees them all applied (each step is guarded by the job's or subscription's state, so a second run is a no-op).
 */
export async function suspendUser(db: Db, actor: { id: string }, userId: string, until: Date | null, reason: string) {
  if (actor.id === userId) throw new AppError("BAD_REQUEST", "account.suspendSelf");
  await audited(db, actor, "user.suspend", userId, reason, async (tx, emit) => {
    await tx.user.update({ where: { id: userId }, data: { status: "SUSPENDED", suspendedUntil: until, statusReason: reason, sessionVersion: { increment: 1 } } });
    emit(accountBlockEffect(userId, actor.id));
  });
  await endLiveSessions(userId);
  await applyAccountBlock(db, actor, userId, reason);
}

export async function banUser(db: Db, actor: { id: string }, userId: string, reason: string) {
  if (actor.id === userId) throw new AppError("BAD_REQUEST", "account.banSelf");
  await audited(db, actor, "user.ban", userId, reason, async (tx, emit) => {
    await tx.user.update({ where: { id: userId }, data: { status: "BANNED", suspendedUntil: null, statusReason: reason, sessionVersion: { increment: 1 } } });
    emit(accountBlockEffect(userId, actor.id));
  });
  await endLiveSessions(userId);
  await applyAccountBlock(db, actor, userId, reason);
}

export async function reinstateUser(db: Db, actor: Actor, userId: string, reason: string) {
  await audited(db, actor, "user.reinstate", userId, reason, (tx) =>
    tx.user.update({ where: { id: userId }, data: { status: "ACTIVE", suspendedUntil: null, statusReason: null } }),
  );
}

/** A card dispute put the customer's new jobs on hold (docs/payments.md "Chargebacks"): an admin lets them post again. */
export async function releasePostingHold(db: Db, actor: Actor, userId: string, reason: string) {
  await audited(db, actor, "user.release-posting-hold", userId, reason, async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId, postingHeldAt: { not: null } }, data: { postingHeldAt: null } });
    if (count === 0) throw new AppError("CONFLICT", "account.postingNotHeld");
  });
}
