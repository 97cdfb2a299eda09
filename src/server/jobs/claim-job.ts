import crypto from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { JobStatus } from "@/generated/prisma/enums";
import type { Db } from "@/server/db";
import { runBatch } from "@/server/db-batch";
import { announceJobChange } from "./announce";
import { jobChangeNotification } from "@/server/notifications/job-change";
import { dispatchOutbox, outboxInsertSql, prepareOutbox, type OutboxRow } from "@/server/outbox/outbox";
import { jobRules } from "./config";
import { ACTIVE_CLAIM_STATES_SQL, claimableSql, claimRefusal, JUST_TAKEN_MESSAGE, type ClaimState } from "./claim-eligibility";
import type { JobActor } from "./job-access";
import { moveJobTimers } from "./timers";
import { onboardingStateSql, type OnboardingState } from "@/server/accounts/scooper-onboarding";

export { JUST_TAKEN_MESSAGE };

/**
 * OPEN → CLAIMED in one transaction of two prepared statements sent in one round trip (src/server/db-batch.ts), then one
 * burst of Redis work:
 * 1. lock the scooper's row: their claims queue behind each other here, so the next statement's fresh snapshot
 *    sees every claim they made before and the active-claim count cannot be raced past the limit;
 * 2. one statement: the guarded UPDATE (every rule of claim-eligibility.ts in its WHERE, the scooper's onboarding
 *    and SCOOPER_APPROVAL included: exactly one of any
 *    number of concurrent claims matches, the others re-check the row after the winner commits and match
 *    nothing), the timeline event and the outbox row, the last two only when the UPDATE moved the row.
 * A claim that moved nothing reads the state once more to say why (claimRefusal).
 */
export async function claimJob(db: Db, actor: JobActor, jobId: string): Promise<{ id: string; startDeadlineAt: Date }> {
  const { startDeadlineAt, outbox } = await claimInDatabase(db, actor, jobId);
  await Promise.all([
    dispatchOutbox(outbox),
    moveJobTimers(jobId, { cancel: ["expire"], schedule: [{ kind: "start-deadline", at: startDeadlineAt }] }),
    announceJobChange(db, jobId, "claimed", { status: "CLAIMED" }),
  ]);
  return { id: jobId, startDeadlineAt };
}

/**
 * The claim's database half (the transaction above, and the refusal when it moved nothing): the start deadline
 * and the outbox rows written, to hand over after the commit. Also what bench:claims's rules floor runs.
 */
export async function claimInDatabase(db: Db, actor: JobActor, jobId: string): Promise<{ startDeadlineAt: Date; outbox: OutboxRow[] }> {
  const now = new Date();
  const startDeadlineAt = new Date(now.getTime() + jobRules.startDeadlineMs);
  const outbox = prepareOutbox([jobChangeNotification(jobId, "claimed")]);
  const details = JSON.stringify({ startDeadlineAt: startDeadlineAt.toISOString() });
  const [result] = await runBatch<{ claimed: boolean; outboxIds: string[] | null }>(db, [
    Prisma.sql`SELECT 1 FROM "User" WHERE id = ${actor.id} FOR UPDATE`,
    Prisma.sql`
      WITH claimed AS (
        UPDATE "CleanupJob" j
        SET status = 'CLAIMED'::"JobStatus", "scooperId" = ${actor.id}, "claimedAt" = ${now}, "startDeadlineAt" = ${startDeadlineAt}, "updatedAt" = ${now}
        WHERE j.id = ${jobId} AND ${claimableSql(actor.id, now)}
        RETURNING j.id
      ), event AS (
        INSERT INTO "JobEvent" (id, "jobId", "actorId", type, "fromStatus", "toStatus", details, "createdAt")
        SELECT ${crypto.randomUUID()}, id, ${actor.id}, 'claimed', 'OPEN'::"JobStatus", 'CLAIMED'::"JobStatus", ${details}::jsonb, ${now} FROM claimed
      ), outbox AS (${outboxInsertSql(outbox, Prisma.sql`SELECT 1 FROM claimed`)})
      SELECT EXISTS (SELECT 1 FROM claimed) AS claimed, (SELECT array_agg(id) FROM outbox) AS "outboxIds"`,
  ], { prepared: true });
  if (!result?.claimed) throw claimRefusal(await readClaimState(db, actor.id, jobId), actor, now);

  const written = new Set(result.outboxIds ?? []);
  return { startDeadlineAt, outbox: outbox.filter((row) => written.has(row.id)) };
}

async function readClaimState(db: Db, actorId: string, jobId: string): Promise<ClaimState> {
  const [row] = await db.$queryRaw<{
    userStatus: string | null; activeClaims: number; onboarding: OnboardingState | null; status: JobStatus | null; posterId: string | null; scooperId: string | null;
    expiresAt: Date | null; exclusiveScooperId: string | null; exclusiveUntil: Date | null;
  }[]>`
    SELECT (SELECT status::text FROM "User" WHERE id = ${actorId}) AS "userStatus",
      (SELECT row_to_json(o) FROM (SELECT ${onboardingStateSql} FROM "User" u WHERE u.id = ${actorId}) o) AS onboarding,
      (SELECT count(*)::int FROM "CleanupJob" a WHERE a."scooperId" = ${actorId} AND a.status IN (${ACTIVE_CLAIM_STATES_SQL})) AS "activeClaims",
      j.status::text AS status, j."posterId", j."scooperId", j."expiresAt", j."exclusiveScooperId", j."exclusiveUntil"
    FROM (SELECT 1) AS one LEFT JOIN "CleanupJob" j ON j.id = ${jobId}`;
  const job = row?.status && row.posterId && row.expiresAt
    ? { status: row.status, posterId: row.posterId, scooperId: row.scooperId, expiresAt: row.expiresAt, exclusiveScooperId: row.exclusiveScooperId, exclusiveUntil: row.exclusiveUntil }
    : null;
  const onboarding = row?.onboarding ?? { profileDone: false, statementsDone: false, approved: false };
  return { userStatus: row?.userStatus ?? null, onboarding, activeClaims: row?.activeClaims ?? 0, job };
}
