/**
 * Who may claim which job, in one place. The claim (claim-job.ts) applies these rules twice, and both halves
 * live here so they cannot drift apart:
 * - `CLAIMABLE`, the SQL guard inside the claim's one UPDATE: the row moves only when every rule holds at
 *   that instant (under the row lock, so concurrent claims cannot both pass);
 * - `claimRefusal`, which turns the state the same statement read into the caller's error when nothing moved.
 * To add a rule: add its condition to `CLAIMABLE` (and anything it needs to `ClaimState` / the state query in
 * claim-job.ts), then its error to `claimRefusal` in the order the caller should hear about it.
 */
import { Prisma } from "@/generated/prisma/client";
import type { JobStatus } from "@/generated/prisma/enums";
import { onboardingRefusal, onboardingSql, type OnboardingState } from "@/server/accounts/scooper-onboarding";
import { AppError, errorMessage } from "@/server/errors";
import { jobRules } from "./config";
import { ACTIVE_CLAIM_STATES, reservedForAnother, type JobActor } from "./job-access";

export const JUST_TAKEN_MESSAGE = errorMessage("en", "job.justTaken");

/** What the claim statement read: the claimer's account, onboarding and active claims, and the job (null when missing). */
export type ClaimState = {
  userStatus: string | null;
  onboarding: OnboardingState;
  activeClaims: number;
  job: {
    status: JobStatus; posterId: string; scooperId: string | null; expiresAt: Date;
    exclusiveScooperId: string | null; exclusiveUntil: Date | null;
  } | null;
};

export const ACTIVE_CLAIM_STATES_SQL = Prisma.join(ACTIVE_CLAIM_STATES.map((s) => Prisma.sql`${s}::"JobStatus"`));

/**
 * The guard of the claim's UPDATE on `"CleanupJob" j` (the `"User"` row of the claimer is locked by then, so its
 * active-claim count cannot be raced past the limit).
 */
export function claimableSql(actorId: string, now: Date): Prisma.Sql {
  return Prisma.sql`j.status = 'OPEN'::"JobStatus"
    AND j."expiresAt" > ${now}
    AND j."posterId" <> ${actorId}
    AND (j."exclusiveUntil" IS NULL OR j."exclusiveUntil" <= ${now} OR j."exclusiveScooperId" = ${actorId})
    AND EXISTS (SELECT 1 FROM "User" u WHERE u.id = ${actorId} AND u.status = 'ACTIVE'::"UserStatus" AND ${onboardingSql()})
    AND (SELECT count(*) FROM "CleanupJob" a WHERE a."scooperId" = ${actorId} AND a.status IN (${ACTIVE_CLAIM_STATES_SQL})) < ${jobRules.maxActiveClaims}`;
}

/** Why a claim that moved nothing was refused; a claim every rule allowed lost the race to another scooper. */
export function claimRefusal(state: ClaimState, actor: JobActor, now: Date): AppError {
  if (!state.userStatus) return new AppError("UNAUTHORIZED", "auth.signInAgain");
  if (state.userStatus !== "ACTIVE") return new AppError("FORBIDDEN", "auth.accountBlocked", { status: state.userStatus, action: "claim" });
  // Onboarding (profile, statements, then SCOOPER_APPROVAL) before any job rule: the board stays visible meanwhile.
  const unfinished = onboardingRefusal(state.onboarding);
  if (unfinished) return new AppError("PRECONDITION_FAILED", unfinished);
  const job = state.job;
  // A job waiting for its money is seen by nobody but its poster: to anyone else it does not exist.
  if (!job || job.status === "AWAITING_PAYMENT" || reservedForAnother(job, actor, now)) return new AppError("NOT_FOUND", "job.notFound");
  if (job.posterId === actor.id) return new AppError("FORBIDDEN", "job.claimOwnJob");
  if (job.status !== "OPEN" || job.expiresAt <= now) return new AppError("CONFLICT", "job.justTaken");
  if (state.activeClaims >= jobRules.maxActiveClaims) {
    return new AppError(
      "PRECONDITION_FAILED",
      "job.tooManyClaims",
      { count: state.activeClaims, limit: jobRules.maxActiveClaims },
    );
  }
  return new AppError("CONFLICT", "job.justTaken");
}
