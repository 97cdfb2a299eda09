/** How a subscription becomes one ordinary cleanup job, and what happens once that job is committed. */
import { env } from "@/env";
import type { RecurringCleanup } from "@/generated/prisma/client";
import type { LocalDate } from "@/lib/schedules";
import { takeHomeCents } from "@/lib/money";
import type { Db } from "@/server/db";
import { jobRules } from "@/server/jobs/config";
import { postJobInputSchema } from "@/server/jobs/post-job";
import { scheduleJobTimer } from "@/server/jobs/timers";
import { queueSettlement } from "@/server/payments/job-settlement";
import { publishBoardEvents } from "@/server/realtime/events";
import { toDbDate } from "./dates";

export type DueSubscription = Pick<
  RecurringCleanup,
  | "id" | "customerId" | "priceCents" | "address" | "lat" | "lng" | "type" | "pileEstimate" | "litterLevel"
  | "yardSegments" | "publicNotes" | "accessNotes" | "preferredScooperId"
>;

/**
 * The job rules a subscription must still satisfy on its service date (they may have changed since it was
 * created): the very schema a posted job is checked against. Returns the first problem, or null.
 */
export function validateGeneratedJob(sub: DueSubscription): string | null {
  const result = postJobInputSchema.safeParse(sub);
  if (result.success) return null;
  const issue = result.error.issues[0];
  return issue ? `${issue.path.join(".") || "job"}: ${issue.message}` : "invalid job details";
}

/**
 * `awaitPayment`: with Stripe the job waits AWAITING_PAYMENT until the worker has its money (a prepaid visit or
 * the card on file) and opens then (payment-gate.ts). The ledger never refuses, so its jobs open at once and the
 * worker only books the hold.
 */
export function generatedJobData(sub: DueSubscription, serviceDate: LocalDate, now: Date, awaitPayment = false) {
  return {
    status: awaitPayment ? ("AWAITING_PAYMENT" as const) : ("OPEN" as const),
    posterId: sub.customerId,
    recurringId: sub.id,
    serviceDate: toDbDate(serviceDate),
    address: sub.address,
    lat: sub.lat,
    lng: sub.lng,
    priceCents: sub.priceCents,
    type: sub.type,
    pileEstimate: sub.pileEstimate,
    litterLevel: sub.litterLevel,
    yardSegments: sub.yardSegments,
    publicNotes: sub.publicNotes,
    accessNotes: sub.accessNotes,
    expiresAt: new Date(now.getTime() + jobRules.expiryMs),
    exclusiveScooperId: sub.preferredScooperId,
    exclusiveUntil: sub.preferredScooperId ? new Date(now.getTime() + env.PREFERRED_SCOOPER_WINDOW_MINUTES * 60_000) : null,
  };
}

/**
 * After generated jobs commit: their payment (queued for the worker), and for those already OPEN the same timers
 * as a posted job (expiry, and the end of a preferred scooper's window) and the live board (only for the preferred
 * scooper while their window lasts).
 */
export async function announceGeneratedJobs(db: Db, jobIds: string[]): Promise<void> {
  if (jobIds.length === 0) return;
  const jobs = await db.cleanupJob.findMany({
    where: { id: { in: jobIds } },
    select: {
      id: true, lat: true, lng: true, address: true, priceCents: true, type: true, pileEstimate: true, litterLevel: true,
      yardSegments: true, createdAt: true, expiresAt: true, exclusiveScooperId: true, exclusiveUntil: true, status: true,
    },
  });
  for (const job of jobs) {
    await queueSettlement(job.id, "authorize");
    // A job waiting for its money gets its timers and its pin when it opens.
    if (job.status !== "OPEN") continue;
    await scheduleJobTimer("expire", job.id, job.expiresAt);
    if (job.exclusiveScooperId && job.exclusiveUntil) await scheduleJobTimer("open-to-all", job.id, job.exclusiveUntil);
  }
  await publishBoardEvents(
    jobs.filter((j) => j.status === "OPEN").map(({ exclusiveScooperId, exclusiveUntil: _until, status: _status, ...job }) => ({
      type: "job.opened" as const,
      job: { ...job, takeHomeCents: takeHomeCents(job.priceCents) },
      onlyFor: exclusiveScooperId,
    })),
  );
}
