/** The admin dashboard's figures: a handful of grouped counts and three charts, each figure one grouped query. */
import { env } from "@/env";
import { addDays, localDateIn, zonedTime } from "@/lib/schedules";
import { db } from "@/server/db";
import { QUEUE_NAMES } from "@/server/queues/definitions";
import { getQueue } from "@/server/queues/queues";
import { toDbDate } from "@/server/calendar";

/** Claim time (post → claim) buckets, upper bounds in seconds; the last is open-ended. */
export const CLAIM_TIME_BUCKETS = [
  { label: "< 5 min", maxSeconds: 5 * 60 },
  { label: "5–15 min", maxSeconds: 15 * 60 },
  { label: "15–60 min", maxSeconds: 60 * 60 },
  { label: "1–4 h", maxSeconds: 4 * 3600 },
  { label: "4–24 h", maxSeconds: 24 * 3600 },
  { label: "> 24 h", maxSeconds: null },
] as const;

const CLAIM_TIME_BOUNDS = CLAIM_TIME_BUCKETS.flatMap((b) => (b.maxSeconds === null ? [] : [b.maxSeconds]));

export const DAILY_SERIES = ["posted", "claimed", "expired"] as const;
export type DailySeries = (typeof DAILY_SERIES)[number];

export async function adminDashboard(now = new Date()) {
  const tz = env.APP_TIMEZONE;
  const today = localDateIn(tz, now);
  const startOfToday = zonedTime(today, "00:00", tz);
  const startOfWeek = zonedTime(addDays(today, -6), "00:00", tz);
  const start30 = addDays(today, -29);
  const since30 = zonedTime(start30, "00:00", tz);
  const [byState, postedToday, postedThisWeek, generatedToday, activeScoopers, perDay, claimTimes, generatedPerDay, failed] = await Promise.all([
    db.cleanupJob.groupBy({ by: ["status"], _count: { _all: true } }),
    db.cleanupJob.count({ where: { createdAt: { gte: startOfToday } } }),
    db.cleanupJob.count({ where: { createdAt: { gte: startOfWeek } } }),
    db.cleanupJob.count({ where: { serviceDate: toDbDate(today), recurringId: { not: null } } }),
    db.cleanupJob.groupBy({ by: ["scooperId"], where: { scooperId: { not: null }, claimedAt: { gte: new Date(now.getTime() - 30 * 86_400_000) } } }),
    // One pass over the jobs for the three daily series: each job contributes its post, claim and expiry instants.
    db.$queryRaw<{ series: DailySeries; day: string; n: bigint }[]>`
      SELECT e.series, to_char((e.at AT TIME ZONE 'UTC') AT TIME ZONE ${tz}, 'YYYY-MM-DD') AS day, count(*) AS n
      FROM "CleanupJob" j
      CROSS JOIN LATERAL (VALUES ('posted', j."createdAt"), ('claimed', j."claimedAt"), ('expired', j."expiredAt")) AS e(series, at)
      WHERE e.at >= ${since30} AND e.at <= ${now}
      GROUP BY 1, 2`,
    // Bucket index = how many bucket bounds the claim time reached (0 → "< 5 min", 5 → "> 24 h").
    db.$queryRaw<{ bucket: number; n: bigint }[]>`
      SELECT width_bucket(extract(epoch FROM "claimedAt" - "createdAt")::double precision, ${CLAIM_TIME_BOUNDS}::double precision[]) AS bucket, count(*) AS n
      FROM "CleanupJob" WHERE "claimedAt" >= ${since30} AND "claimedAt" <= ${now}
      GROUP BY 1`,
    db.$queryRaw<{ day: string; n: bigint }[]>`
      SELECT to_char("serviceDate", 'YYYY-MM-DD') AS day, count(*) AS n
      FROM "CleanupJob" WHERE "recurringId" IS NOT NULL AND "serviceDate" >= ${toDbDate(start30)} AND "serviceDate" <= ${toDbDate(today)}
      GROUP BY 1`,
    Promise.all(QUEUE_NAMES.map((q) => getQueue(q).getFailedCount())),
  ]);
  const daily = new Map(perDay.map((r) => [`${r.series}:${r.day}`, Number(r.n)]));
  const generated = new Map(generatedPerDay.map((r) => [r.day, Number(r.n)]));
  const claims = new Map(claimTimes.map((r) => [Number(r.bucket), Number(r.n)]));
  const days = Array.from({ length: 30 }, (_, i) => addDays(start30, i));
  return {
    jobsByState: Object.fromEntries(byState.map((r) => [r.status, r._count._all])) as Partial<Record<string, number>>,
    postedToday,
    postedThisWeek,
    generatedToday,
    activeScoopers: activeScoopers.length,
    failedQueueJobs: failed.reduce((a, b) => a + b, 0),
    jobsPerDay: days.map((date) => ({
      date,
      posted: daily.get(`posted:${date}`) ?? 0,
      claimed: daily.get(`claimed:${date}`) ?? 0,
      expired: daily.get(`expired:${date}`) ?? 0,
    })),
    claimTime: CLAIM_TIME_BUCKETS.map((b, i) => ({ label: b.label, count: claims.get(i) ?? 0 })),
    generatedPerDay: days.map((date) => ({ date, count: generated.get(date) ?? 0 })),
  };
}
