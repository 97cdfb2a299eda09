/**
 * Scooper onboarding (issue 19 part 7): before a scooper's claim counts, their profile is complete (display name,
 * photo, service area), they accepted the current version of every required active statement, and, when
 * SCOOPER_APPROVAL is on, an admin approved them. The claim checks all of it inside its one statement
 * (`onboardingSql`, used by src/server/jobs/claim-eligibility.ts); the onboarding page reads `myOnboarding`.
 * Scoopers who existed at the scooper_onboarding migration skip the profile (`scooperProfileWaivedAt`).
 */
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "@/server/db";
import { errorMessage, type ErrorReason } from "@/server/errors";
import { scooperApprovalRequired } from "./scooper-approval";

export const ONBOARDING_INCOMPLETE_MESSAGE = errorMessage("en", "account.onboardingIncomplete");
export const ONBOARDING_PATH = "/scooper/onboarding";

/** Over the claimer's `"User" u` row: the profile step is done (complete, or waived by the migration). */
const profileDoneSql = Prisma.sql`(u."scooperProfileWaivedAt" IS NOT NULL OR EXISTS (
  SELECT 1 FROM "ScooperProfile" p WHERE p."userId" = u.id AND p."displayName" IS NOT NULL AND p."photoKey" IS NOT NULL
    AND p."serviceLat" IS NOT NULL AND p."serviceLng" IS NOT NULL AND p."serviceRadiusKm" IS NOT NULL))`;
/** Over `"User" u`: no required active statement lacks an acceptance of its current version. */
const statementsDoneSql = Prisma.sql`NOT EXISTS (
  SELECT 1 FROM "Attestation" s WHERE s.active AND s.required AND NOT EXISTS (
    SELECT 1 FROM "AttestationAcceptance" x WHERE x."userId" = u.id AND x."attestationId" = s.id AND x.version = s.version))`;

/** The whole gate over `"User" u`, for the claim's guarded UPDATE. */
export function onboardingSql(): Prisma.Sql {
  const approval = scooperApprovalRequired() ? Prisma.sql`u."scooperApprovedAt" IS NOT NULL` : Prisma.sql`TRUE`;
  return Prisma.sql`${profileDoneSql} AND ${statementsDoneSql} AND ${approval}`;
}

/** The gate's parts over `"User" u`, read when a claim moved nothing (to say which one failed). */
export const onboardingStateSql = Prisma.sql`${profileDoneSql} AS "profileDone", ${statementsDoneSql} AS "statementsDone", u."scooperApprovedAt" IS NOT NULL AS "approved"`;
export type OnboardingState = { profileDone: boolean; statementsDone: boolean; approved: boolean };

/** The claim refusal's reason for an unfinished onboarding, or null when the gate is passed. */
export function onboardingRefusal(state: OnboardingState): ErrorReason | null {
  if (!state.profileDone || !state.statementsDone) return "account.onboardingIncomplete";
  if (scooperApprovalRequired() && !state.approved) return "account.awaitingApproval";
  return null;
}

export const onboardingStatusSchema = z.object({
  profileDone: z.boolean(),
  profileWaived: z.boolean(),
  missingProfile: z.array(z.enum(["displayName", "photo", "serviceArea"])),
  statementsDone: z.boolean(),
  approvalRequired: z.boolean(),
  approved: z.boolean(),
  /** Everything done: claims are allowed. */
  ready: z.boolean(),
});
export type OnboardingStatus = z.infer<typeof onboardingStatusSchema>;

/** The scooper's own steps and what is missing, computed by the same SQL the claim runs. */
export async function myOnboarding(db: Db, userId: string): Promise<OnboardingStatus> {
  const [row] = await db.$queryRaw<(OnboardingState & { waived: boolean; displayName: string | null; photoKey: string | null; radius: number | null; ready: boolean })[]>`
    SELECT ${onboardingStateSql}, u."scooperProfileWaivedAt" IS NOT NULL AS waived, ${onboardingSql()} AS ready,
      p."displayName", p."photoKey", p."serviceRadiusKm" AS radius
    FROM "User" u LEFT JOIN "ScooperProfile" p ON p."userId" = u.id WHERE u.id = ${userId}`;
  const missingProfile: OnboardingStatus["missingProfile"] = [];
  if (!row?.displayName) missingProfile.push("displayName");
  if (!row?.photoKey) missingProfile.push("photo");
  if (row?.radius == null) missingProfile.push("serviceArea");
  return {
    profileDone: row?.profileDone ?? false,
    profileWaived: row?.waived ?? false,
    missingProfile,
    statementsDone: row?.statementsDone ?? false,
    approvalRequired: scooperApprovalRequired(),
    approved: row?.approved ?? false,
    ready: row?.ready ?? false,
  };
}
