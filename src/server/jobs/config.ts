/** The numbers of the cleanup-job rules, read from the environment once (src/env.js documents each). */
import { env } from "@/env";
import { platformFeeCents, takeHomeCents } from "@/lib/money";

export const jobRules = {
  expiryMs: env.JOB_EXPIRY_SECONDS * 1000,
  startDeadlineMs: env.START_DEADLINE_SECONDS * 1000,
  autoConfirmMs: env.AUTO_CONFIRM_SECONDS * 1000,
  reopenMinRemainingMs: env.REOPEN_MIN_REMAINING_SECONDS * 1000,
  maxActiveClaims: env.MAX_ACTIVE_CLAIMS,
  startDistanceFlagMeters: env.START_DISTANCE_FLAG_METERS,
  cancelFeePercent: env.CANCEL_FEE_PERCENT,
  platformFeePercent: env.PLATFORM_FEE_PERCENT,
};

/** What a scooper is paid for a job at this price: the price less the configured platform fee. */
export const jobTakeHomeCents = (priceCents: number) => takeHomeCents(priceCents, jobRules.platformFeePercent);

/** What the poster owes the scooper for cancelling a claimed job at this price (cancel-job.ts charges the same). */
export const posterCancelFeeCents = (priceCents: number) => platformFeeCents(priceCents, jobRules.cancelFeePercent);
