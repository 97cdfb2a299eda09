/**
 * How /my-jobs groups a user's jobs by state. Every state a job can be in appears in exactly one posted group
 * (and every state a claimed job can reach in one scooping group), so no job disappears from the page; the test
 * beside this file checks that against the state enum.
 */
import type { JobStatus } from "@/generated/prisma/enums";

export const POSTED_GROUPS = [
  ["Waiting for your payment", ["AWAITING_PAYMENT"]],
  ["Open", ["OPEN"]],
  ["Claimed or in progress", ["CLAIMED", "IN_PROGRESS"]],
  ["The scooper can't get in", ["UNREACHABLE"]],
  ["Waiting for your confirmation", ["COMPLETED"]],
  ["In dispute", ["DISPUTED"]],
  ["Done", ["CONFIRMED", "RESOLVED"]],
  ["Cancelled or expired", ["CANCELLED", "EXPIRED"]],
] as const satisfies readonly (readonly [string, readonly JobStatus[]])[];

export const CLAIMED_GROUPS = [
  ["Claimed", ["CLAIMED"]],
  ["Active", ["IN_PROGRESS"]],
  ["Can't get in: waiting for the customer", ["UNREACHABLE"]],
  ["In dispute", ["DISPUTED"]],
  ["Completed", ["COMPLETED", "CONFIRMED", "RESOLVED"]],
  ["Cancelled", ["CANCELLED"]],
] as const satisfies readonly (readonly [string, readonly JobStatus[]])[];
