/** How a subscription becomes one ordinary cleanup job, and what happens once that job is committed. */
import { env } from "@/env";
import type { RecurringCleanup } from "@/generated/prisma/client";
import type { LocalDate } from "@/lib/schedules";
import { takeHomeCents } from "@/lib/money";
import type { Db } from "@/server/db";
import { publishBoardEvents } from "@/server/realtime/events";
import { toDbDate } from "./dates";

export type DueSubscription = Pick<
  RecurringCleanup,
  | "id" | "customerId" | "priceCents" | "address" | "lat" | "lng" | "type" | "pileEstimate" | "litterLevel"
  | "yardSegments" | "publicNotes" | "accessNotes" | "preferredScooperId"
>;

export const JOB_EXPIRY_MS = 24 * 3600 * 1000;
export const MIN_PRICE_CENTS = 500;
export const MAX_PRICE_CENTS = 50_000;

/** The job rules a subscription must still satisfy on its service date (they may have changed since it was created). */
export function validateGeneratedJob(sub: DueSubscription): string | null {
  if (!Number.isInteger(sub.priceCents) || sub.priceCents < MIN_PRICE_CENTS || sub.priceCents > MAX_PRICE_CENTS) {
    return `price ${sub.priceCents} cents is outside ${MIN_PRICE_CENTS}–${MAX_PRICE_CENTS}`;
  }
  if (sub.type !== "LITTER" && !sub.pileEstimate) return "pile estimate missing";
  if (sub.type !== "POOP" && !sub.litterLevel) return "litter level missing";
  if (sub.yardSegments.length === 0) return "no yard segments";
  return null;
}

export function generatedJobData(sub: DueSubscription, serviceDate: LocalDate, now: Date) {
  return {
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
    expiresAt: new Date(now.getTime() + JOB_EXPIRY_MS),
    exclusiveScooperId: sub.preferredScooperId,
    exclusiveUntil: sub.preferredScooperId ? new Date(now.getTime() + env.PREFERRED_SCOOPER_WINDOW_MINUTES * 60_000) : null,
  };
}

/** Puts newly generated jobs on the live board (only for the preferred scooper while their window lasts). */
export async function announceGeneratedJobs(db: Db, jobIds: string[]): Promise<void> {
  if (jobIds.length === 0) return;
  const jobs = await db.cleanupJob.findMany({
    where: { id: { in: jobIds } },
    select: {
      id: true, lat: true, lng: true, address: true, priceCents: true, type: true, pileEstimate: true, litterLevel: true,
      yardSegments: true, createdAt: true, expiresAt: true, exclusiveScooperId: true,
    },
  });
  await publishBoardEvents(
    jobs.map(({ exclusiveScooperId, ...job }) => ({
      type: "job.opened" as const,
      job: { ...job, takeHomeCents: takeHomeCents(job.priceCents) },
      onlyFor: exclusiveScooperId,
    })),
  );
}
