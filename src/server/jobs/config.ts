/** The numbers of the cleanup-job rules, read from the environment once (src/env.js documents each). */
import { env } from "@/env";

export const jobRules = {
  expiryMs: env.JOB_EXPIRY_SECONDS * 1000,
  startDeadlineMs: env.START_DEADLINE_SECONDS * 1000,
  autoConfirmMs: env.AUTO_CONFIRM_SECONDS * 1000,
  unreachableAnswerMs: env.UNREACHABLE_ANSWER_SECONDS * 1000,
  reopenMinRemainingMs: env.REOPEN_MIN_REMAINING_SECONDS * 1000,
  maxActiveClaims: env.MAX_ACTIVE_CLAIMS,
  startDistanceFlagMeters: env.START_DISTANCE_FLAG_METERS,
};

