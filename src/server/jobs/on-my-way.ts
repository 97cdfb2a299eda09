/**
 * "On my way": the scooper holding a claim tells the poster they are coming. The job stays CLAIMED; the claim
 * records when (once per claim, cleared by a release) and, if the scooper shared their position, an estimated
 * arrival from the straight-line distance to the pin at ON_MY_WAY_SPEED_KMH. The position itself is not stored,
 * only the distance and the estimate. From then on a poster's cancellation owes at least the job's minimum fee
 * (`jobCancellationFeeCents` in src/lib/money.ts).
 */
import { env } from "@/env";
import { distanceMeters, straightLineEtaMinutes } from "@/lib/geo";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { jobChangeNotification } from "@/server/notifications/job-change";
import { commitWithEffects } from "@/server/outbox/outbox";
import { announceJobChange } from "./announce";
import { isJobScooper, type JobActor } from "./job-access";
import type { DeviceLocation } from "./start-job";
import { loadVisibleJob, requireState, tryTransition } from "./transition";

export type OnMyWayResult = { onMyWayAt: Date; etaAt: Date | null; etaMinutes: number | null; distanceM: number | null };

export async function markOnMyWay(db: Db, actor: JobActor, jobId: string, location?: DeviceLocation | null): Promise<OnMyWayResult> {
  const job = await loadVisibleJob(db, jobId, actor);
  if (!isJobScooper(job, actor)) throw new AppError("FORBIDDEN", "job.onlyHolderOnMyWay");
  requireState(job, ["CLAIMED"], "markedOnTheWay");
  const pin = await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId }, select: { lat: true, lng: true, onMyWayAt: true } });
  if (pin.onMyWayAt) throw new AppError("PRECONDITION_FAILED", "job.alreadyOnMyWay");
  const now = new Date();
  const distanceM = location ? Math.round(distanceMeters(location, pin)) : null;
  const etaMinutes = distanceM === null ? null : straightLineEtaMinutes(distanceM, env.ON_MY_WAY_SPEED_KMH);
  const etaAt = etaMinutes === null ? null : new Date(now.getTime() + etaMinutes * 60_000);
  await commitWithEffects(db, async (tx, emit) => {
    // CLAIMED → CLAIMED: the same guarded update as a state change (still this scooper's claim, not yet on the
    // way), so two taps, or a tap racing a release or a cancel, leave one outcome.
    const moved = await tryTransition(tx, {
      jobId,
      from: "CLAIMED",
      to: "CLAIMED",
      event: "on_my_way",
      actorId: actor.id,
      where: { scooperId: actor.id, onMyWayAt: null },
      data: { onMyWayAt: now, onMyWayEtaAt: etaAt },
      details: { locationShared: !!location, distanceM, etaMinutes, etaAt: etaAt?.toISOString() ?? null, speedKmh: env.ON_MY_WAY_SPEED_KMH },
    });
    if (!moved) throw new AppError("CONFLICT", "job.changed");
    emit(jobChangeNotification(jobId, "on-my-way"));
  });
  await announceJobChange(db, jobId, "on_my_way");
  return { onMyWayAt: now, etaAt, etaMinutes, distanceM };
}
