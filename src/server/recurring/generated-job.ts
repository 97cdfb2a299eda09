/** How a subscription becomes one ordinary cleanup job, and what happens once that job is committed. */
import { env } from "@/env";
import type { RecurringCleanup } from "@/generated/prisma/client";
import type { LocalDate } from "@/lib/schedules";
import { jobRules } from "@/server/jobs/config";
import { postJobInputSchema } from "@/lib/schemas/jobs";
import type { OutboxEffect } from "@/server/outbox/outbox";
import { currentFeeRates } from "@/server/payments/fees";
import { settlement } from "@/server/jobs/settlement";
import { toDbDate } from "@/server/calendar";

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
 * A generated job's columns. With Stripe it waits AWAITING_PAYMENT, unclaimable and off the board, until the worker
 * has its money (a prepaid visit or the card on file) and opens it (payment-gate.ts), with its expiry and preferred
 * scooper's window counted from then. With the ledger, whose hold is immediate, generation creates it OPEN with its
 * hold in one transaction (generate.ts), expiry and window counted from the run. A job whose money is not held
 * never opens.
 */
export function generatedJobData(sub: DueSubscription, serviceDate: LocalDate, now: Date) {
  return {
    status: "AWAITING_PAYMENT" as const,
    posterId: sub.customerId,
    recurringId: sub.id,
    serviceDate: toDbDate(serviceDate),
    address: sub.address,
    lat: sub.lat,
    lng: sub.lng,
    priceCents: sub.priceCents,
    // A generated job is posted now: it takes the rates in force today.
    ...currentFeeRates(),
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

/** The authorization each generated job owes, emitted in the transaction that creates it. */
export function generatedJobFunding(jobId: string): OutboxEffect {
  return settlement(jobId, "authorize");
}
