/**
 * A user's own data: the export (everything Scoop holds about them, as JSON) and account deletion. Deletion
 * erases or anonymises personal data but keeps the rows the ledger and dispute records need (jobs, payments,
 * disputes, reviews' ratings), cancels the user's unclaimed jobs and ends every session. A job in progress,
 * awaiting confirmation or in dispute, or an active recurring cleanup, has to be finished first. A scooper's profile
 * photo leaves storage with the profile (job photos stay with their jobs, as evidence).
 */
import { z } from "zod";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { logger } from "@/server/logger";
import type { ObjectStorage } from "@/server/storage/storage";
import { cancelJob } from "@/server/jobs/cancel-job";
import { publishSessionsRevoked } from "@/server/realtime/events";
import { approximatePoint, streetOnly } from "@/lib/privacy";

export const deleteAccountSchema = z.object({
  /** The account's email, typed again: deletion cannot be undone. */
  confirmEmail: z.string().trim().toLowerCase().max(320),
});

const BUSY_STATUSES = ["CLAIMED", "IN_PROGRESS", "COMPLETED", "DISPUTED"] as const;

export async function deleteAccount(db: Db, storage: ObjectStorage, userId: string, input: z.infer<typeof deleteAccountSchema>): Promise<{ ok: true }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, roles: true } });
  if (input.confirmEmail !== user.email) throw new AppError("BAD_REQUEST", "account.confirmEmail");
  const busy = await db.cleanupJob.count({ where: { OR: [{ posterId: userId }, { scooperId: userId }], status: { in: [...BUSY_STATUSES] } } });
  if (busy) throw new AppError("PRECONDITION_FAILED", "account.busyJobs");
  const recurring = await db.recurringCleanup.count({ where: { customerId: userId, status: { not: "CANCELLED" } } });
  if (recurring) throw new AppError("PRECONDITION_FAILED", "account.recurringFirst");

  // Unclaimed jobs end through the normal cancellation (it releases their payment holds).
  const open = await db.cleanupJob.findMany({ where: { posterId: userId, status: { in: ["AWAITING_PAYMENT", "OPEN"] } }, select: { id: true } });
  for (const job of open) await cancelJob(db, { id: userId, roles: user.roles }, job.id, "The poster deleted their account.");

  const posted = await db.cleanupJob.findMany({ where: { posterId: userId }, select: { id: true, address: true, lat: true, lng: true } });
  const photo = await db.scooperProfile.findUnique({ where: { userId }, select: { photoKey: true } });
  await db.$transaction(async (tx) => {
    // The job rows stay for the ledger and disputes, without the home's exact address, pin or notes.
    for (const job of posted) {
      await tx.cleanupJob.update({
        where: { id: job.id },
        data: { address: streetOnly(job.address), ...approximatePoint(job), accessNotes: null, publicNotes: null },
      });
    }
    await tx.review.updateMany({ where: { reviewerId: userId }, data: { comment: null } });
    // Saved yards are addresses and gate codes: gone. Job messages stay with their jobs (dispute evidence) without
    // the words this user wrote, like a review's comment.
    await tx.savedYard.deleteMany({ where: { customerId: userId } });
    // A scooper's name, face and area: gone (statement acceptances stay, as the record of what they attested).
    await tx.scooperProfile.deleteMany({ where: { userId } });
    await tx.jobMessage.updateMany({ where: { senderId: userId }, data: { body: "(deleted with the sender's account)" } });
    await tx.notification.deleteMany({ where: { userId } });
    await tx.notificationPreference.deleteMany({ where: { userId } });
    await tx.pushSubscription.deleteMany({ where: { userId } });
    await tx.passwordResetToken.deleteMany({ where: { userId } });
    await tx.verificationToken.deleteMany({ where: { identifier: user.email } });
    await tx.emailMessage.deleteMany({ where: { OR: [{ userId }, { toAddress: user.email }] } });
    await tx.user.update({
      where: { id: userId },
      data: {
        email: `deleted-${userId}@deleted.invalid`,
        name: null,
        image: null,
        notificationEmail: null,
        passwordHash: null,
        emailVerified: null,
        roles: [],
        deletedAt: new Date(),
        sessionVersion: { increment: 1 },
      },
    });
  });
  // After the commit: a failed delete leaves an orphaned file that no row points to (logged), never a profile
  // that points to nothing.
  if (photo?.photoKey) {
    await storage.delete(photo.photoKey).catch((err: unknown) => logger.error({ userId, err }, "could not delete a deleted account's profile photo"));
  }
  await publishSessionsRevoked(userId).catch(() => undefined);
  return { ok: true };
}

/** Everything Scoop holds about the user: profile, jobs, notifications, emails and money lines. */
export async function exportAccountData(db: Db, userId: string) {
  const [profile, posted, claimed, notifications, emails, payments, reviewsGiven, reviewsReceived, disputes, recurring, savedYards, messagesSent, scooperProfile, attestations] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, email: true, name: true, roles: true, notificationEmail: true, status: true, createdAt: true, termsVersion: true, termsAcceptedAt: true, locale: true },
    }),
    db.cleanupJob.findMany({ where: { posterId: userId }, orderBy: { createdAt: "asc" } }),
    db.cleanupJob.findMany({
      where: { scooperId: userId },
      orderBy: { createdAt: "asc" },
      // The poster's private notes are theirs, not the scooper's.
      select: { id: true, status: true, address: true, lat: true, lng: true, priceCents: true, claimedAt: true, startedAt: true, completedAt: true, confirmedAt: true },
    }),
    db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { kind: true, title: true, body: true, url: true, readAt: true, createdAt: true } }),
    db.emailMessage.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { kind: true, toAddress: true, subject: true, text: true, status: true, createdAt: true } }),
    db.payment.findMany({
      where: { OR: [{ customerId: userId }, { scooperId: userId }] },
      orderBy: { createdAt: "asc" },
      select: {
        jobId: true, provider: true, status: true, amountCents: true, capturedCents: true, refundedCents: true, platformFeeCents: true,
        scooperPayoutCents: true, tipCents: true, createdAt: true,
        operations: { select: { kind: true, amountCents: true, createdAt: true } },
      },
    }),
    db.review.findMany({ where: { reviewerId: userId }, select: { jobId: true, rating: true, comment: true, tipCents: true, createdAt: true } }),
    db.review.findMany({ where: { scooperId: userId }, select: { jobId: true, rating: true, comment: true, createdAt: true } }),
    db.dispute.findMany({ where: { openedById: userId }, select: { jobId: true, reason: true, text: true, outcome: true, refundCents: true, openedAt: true, resolvedAt: true } }),
    db.recurringCleanup.findMany({ where: { customerId: userId } }),
    db.savedYard.findMany({ where: { customerId: userId }, orderBy: { createdAt: "asc" } }),
    db.jobMessage.findMany({ where: { senderId: userId }, orderBy: { createdAt: "asc" }, select: { jobId: true, body: true, createdAt: true } }),
    // A scooper's onboarding: the profile (the photo is on the profile page; the export says whether there is one)
    // and every statement they accepted, with the words they accepted.
    db.scooperProfile.findUnique({ where: { userId }, select: { displayName: true, photoKey: true, serviceLat: true, serviceLng: true, serviceRadiusKm: true, updatedAt: true } }),
    db.attestationAcceptance.findMany({ where: { userId }, orderBy: { acceptedAt: "asc" }, select: { attestationId: true, version: true, text: true, acceptedAt: true } }),
  ]);
  const { photoKey, ...scooperProfileFields } = scooperProfile ?? { photoKey: null };
  return {
    exportedAt: new Date().toISOString(), profile, postedJobs: posted, claimedJobs: claimed, recurringCleanups: recurring, savedYards, messagesSent,
    notifications, emails, payments, reviewsGiven, reviewsReceived, disputesOpened: disputes,
    scooperProfile: scooperProfile ? { ...scooperProfileFields, hasPhoto: !!photoKey } : null,
    attestationsAccepted: attestations,
  };
}
