/**
 * How /my-jobs groups a user's jobs by state. Every state a job can be in appears in exactly one posted group
 * (and every state a claimed job can reach in one scooping group), so no job disappears from the page; the test
 * beside this file checks that against the state enum. Each group's first element is its key in the `jobs`
 * catalogue (`myJobs.groups.<key>`).
 */
import type { JobStatus } from "@/generated/prisma/enums";

export const POSTED_GROUPS = [
  ["awaitingPayment", ["AWAITING_PAYMENT"]],
  ["open", ["OPEN"]],
  ["claimedOrInProgress", ["CLAIMED", "IN_PROGRESS"]],
  ["cantGetIn", ["UNREACHABLE"]],
  ["awaitingConfirmation", ["COMPLETED"]],
  ["inDispute", ["DISPUTED"]],
  ["done", ["CONFIRMED", "RESOLVED"]],
  ["cancelledOrExpired", ["CANCELLED", "EXPIRED"]],
] as const satisfies readonly (readonly [string, readonly JobStatus[]])[];

export const CLAIMED_GROUPS = [
  ["claimed", ["CLAIMED"]],
  ["active", ["IN_PROGRESS"]],
  ["cantGetInWaiting", ["UNREACHABLE"]],
  ["inDispute", ["DISPUTED"]],
  ["completed", ["COMPLETED", "CONFIRMED", "RESOLVED"]],
  ["cancelled", ["CANCELLED"]],
] as const satisfies readonly (readonly [string, readonly JobStatus[]])[];
