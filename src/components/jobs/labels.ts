/**
 * The job enums' values, in display order; their words are in the `jobs` catalogue (`type.POOP`, `status.OPEN`…).
 * The English here is what tests and the admin pages read.
 */
import type { JobsT } from "./job-words";

export const TYPE_LABEL = { POOP: "Dog waste", LITTER: "Litter", BOTH: "Waste + litter" } as const;
export const PILE_LABEL = { PILES_1_3: "1–3 piles", PILES_4_8: "4–8 piles", PILES_9_PLUS: "9+ piles" } as const;
export const LITTER_LABEL = { LIGHT: "Light litter", MODERATE: "Moderate litter", HEAVY: "Heavy litter" } as const;
export const STATUS_LABEL = {
  AWAITING_PAYMENT: "Awaiting payment",
  OPEN: "Open",
  CLAIMED: "Claimed",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  CONFIRMED: "Confirmed",
  CANCELLED: "Cancelled",
  EXPIRED: "Expired",
  DISPUTED: "Disputed",
  RESOLVED: "Resolved",
  UNREACHABLE: "Can't get in",
} as const;

export function timeLeft(t: JobsT, until: Date, now: Date): string {
  const ms = until.getTime() - now.getTime();
  if (ms <= 0) return t("timeLeftNow");
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return h > 0 ? `${h}h ${m}m` : m > 0 ? `${m}m ${s}s` : `${s}s`;
}

export const DISPUTE_REASON_LABEL = {
  NOT_DONE: "Not done",
  INCOMPLETE: "Incomplete",
  WRONG_ADDRESS: "Wrong address",
  DAMAGE: "Damage",
  OTHER: "Other",
} as const;
export const DISPUTE_OUTCOME_LABEL = { RELEASE: "Paid in full", PARTIAL_REFUND: "Partial refund", FULL_REFUND: "Full refund" } as const;

export const UNREACHABLE_REASON_LABEL = { LOCKED_GATE: "Locked gate", UNSAFE_DOG: "Unsafe dog", WRONG_ADDRESS: "Wrong address", OTHER: "Other" } as const;

/** "350 m away", "1.2 km away", "12 km away" ("a 350 m"). */
export function distanceWords(t: JobsT, meters: number): string {
  if (meters < 1000) return t("distanceM", { meters: Math.max(10, Math.round(meters / 10) * 10) });
  return t("distanceKm", { km: meters < 10_000 ? (meters / 1000).toFixed(1) : String(Math.round(meters / 1000)) });
}
