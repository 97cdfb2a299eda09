/** The admin dashboard's figures: a handful of grouped counts, each one indexed query. */
import { env } from "@/env";
import { addDays, localDateIn, zonedTime } from "@/lib/schedules";
import { db } from "@/server/db";
import { QUEUE_NAMES } from "@/server/queues/definitions";
import { getQueue } from "@/server/queues/queues";
import { toDbDate } from "@/server/recurring/dates";

export async function adminDashboard(now = new Date()) {
  const tz = env.APP_TIMEZONE;
  const today = localDateIn(tz, now);
  const startOfToday = zonedTime(today, "00:00", tz);
  const startOfWeek = zonedTime(addDays(today, -6), "00:00", tz);
  const start30 = addDays(today, -29);

  const [byState, postedToday, postedThisWeek, generatedToday, activeScoopers, perDay, failed] = await Promise.all([
    db.cleanupJob.groupBy({ by: ["status"], _count: { _all: true } }),
    db.cleanupJob.count({ where: { createdAt: { gte: startOfToday } } }),
    db.cleanupJob.count({ where: { createdAt: { gte: startOfWeek } } }),
    db.cleanupJob.count({ where: { serviceDate: toDbDate(today), recurringId: { not: null } } }),
    db.cleanupJob.groupBy({ by: ["scooperId"], where: { scooperId: { not: null }, claimedAt: { gte: new Date(now.getTime() - 30 * 86_400_000) } } }),
    db.$queryRaw<{ day: string; n: bigint }[]>`
      SELECT to_char(("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tz}, 'YYYY-MM-DD') AS day, count(*) AS n
      FROM "CleanupJob" WHERE "createdAt" >= ${zonedTime(start30, "00:00", tz)} GROUP BY 1`,
    Promise.all(QUEUE_NAMES.map((q) => getQueue(q).getFailedCount())),
  ]);
  const counts = new Map(perDay.map((r) => [r.day, Number(r.n)]));
  return {
    jobsByState: Object.fromEntries(byState.map((r) => [r.status, r._count._all])) as Partial<Record<string, number>>,
    postedToday,
    postedThisWeek,
    generatedToday,
    activeScoopers: activeScoopers.length,
    failedQueueJobs: failed.reduce((a, b) => a + b, 0),
    postedPerDay: Array.from({ length: 30 }, (_, i) => {
      const date = addDays(start30, i);
      return { date, count: counts.get(date) ?? 0 };
    }),
  };
}
