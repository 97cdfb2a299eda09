/**
 * The admin's weather skip: every visit of one service date inside an area (a lat/lng box, or a list of ZIP codes
 * matched against the subscriptions' own) is skipped. Subscriptions whose job for that date is not generated yet get
 * a WEATHER SkippedVisit (generation leaves them out and reports them as `skippedByWeather`); jobs already generated
 * for that date are cancelled through the admin cancellation, which charges nobody a fee. Each affected customer is
 * told through the outbox (kind `recurring.weather-skip`); the whole action is one `recurring.weather-skip` audit row.
 *
 * Locking is the customer skip's (skip-visit.ts): the matched subscriptions are locked FOR UPDATE while the skips are
 * written, and generation share-locks and re-checks skips, so a weather skip racing the 06:00 run either lands first
 * (no job) or finds the job and cancels it.
 */
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { latSchema, lngSchema } from "@/lib/geo";
import { postalCodeSchema } from "@/lib/postal-code";
import { compareDates, isServiceDate, localDateIn } from "@/lib/schedules";
import { env } from "@/env";
import { recordAudit } from "@/server/audit/audit-log";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { cancelJob } from "@/server/jobs/cancel-job";
import { logger } from "@/server/logger";
import { commitWithEffects, type OutboxEffect } from "@/server/outbox/outbox";
import { fromDbDate, toDbDate } from "@/server/calendar";
import { localDateSchema } from "@/lib/schemas/recurring";

export const weatherAreaSchema = z.discriminatedUnion("kind", [
  z
    .object({ kind: z.literal("box"), south: latSchema, west: lngSchema, north: latSchema, east: lngSchema })
    .refine((b) => b.south < b.north && b.west < b.east, { path: ["north"], message: "The box's north must be above its south and its east right of its west." }),
  z.object({ kind: z.literal("postalCodes"), postalCodes: z.array(postalCodeSchema).min(1, "List at least one ZIP code.").max(200) }),
]);
export type WeatherArea = z.infer<typeof weatherAreaSchema>;

export const weatherSkipInputSchema = z.object({
  date: localDateSchema,
  area: weatherAreaSchema,
  reason: z.string().trim().min(3, "Say why (customers read it).").max(300),
});
export type WeatherSkipInput = z.infer<typeof weatherSkipInputSchema>;

const WEATHER_CANCELS: string[] = ["AWAITING_PAYMENT", "OPEN", "CLAIMED", "UNREACHABLE"];

export type WeatherSkipResult = { weatherSkipId: string; skippedRecurringIds: string[]; cancelledJobIds: string[] };

export function weatherSkipNotice(weatherSkipId: string, recurringId: string): OutboxEffect {
  return { queue: "notifications", payload: { kind: "weather-skip", weatherSkipId, recurringId } };
}

function inArea(area: WeatherArea) {
  return area.kind === "box"
    ? { lat: { gte: area.south, lte: area.north }, lng: { gte: area.west, lte: area.east } }
    : { postalCode: { in: area.postalCodes.map((c) => c.trim()) } };
}

export async function skipVisitsForWeather(db: Db, admin: { id: string }, raw: WeatherSkipInput, now = new Date()): Promise<WeatherSkipResult> {
  const input = weatherSkipInputSchema.parse(raw);
  const today = localDateIn(env.APP_TIMEZONE, now);
  if (compareDates(input.date, today) < 0) throw new AppError("BAD_REQUEST", "recurring.pickLaterDate", {}, { field: "date" });
  const day = toDbDate(input.date);

  const { weatherSkipId, matched, generated } = await commitWithEffects(db, async (tx, emit) => {
    const candidates = await tx.recurringCleanup.findMany({
      where: { status: { not: "CANCELLED" }, firstServiceDate: { lte: day }, ...inArea(input.area) },
      select: { id: true, frequency: true, firstServiceDate: true },
    });
    const onDate = candidates.filter((s) => isServiceDate({ frequency: s.frequency, firstServiceDate: fromDbDate(s.firstServiceDate) }, input.date));
    const ids = onDate.map((s) => s.id);
    if (ids.length > 0) await tx.$queryRaw`SELECT id FROM "RecurringCleanup" WHERE id IN (${Prisma.join(ids)}) FOR UPDATE`;
    const jobs = ids.length
      ? await tx.cleanupJob.findMany({ where: { recurringId: { in: ids }, serviceDate: day }, select: { id: true, recurringId: true, status: true } })
      : [];
    const served = new Set(jobs.map((j) => j.recurringId));
    const skip = await tx.weatherSkip.create({
      data: { serviceDate: day, area: input.area, reason: input.reason, createdById: admin.id },
      select: { id: true },
    });
    // A date the customer skipped already stays their skip.
    await tx.skippedVisit.createMany({
      data: ids.filter((id) => !served.has(id)).map((recurringId) => ({ recurringId, serviceDate: day, reason: "WEATHER" as const, weatherSkipId: skip.id, createdById: admin.id })),
      skipDuplicates: true,
    });
    await recordAudit(tx, {
      actorId: admin.id, action: "recurring.weather-skip", targetType: "weather-skip", targetId: skip.id, reason: input.reason,
      after: { date: input.date, area: input.area, subscriptions: ids.length, generatedJobs: jobs.length },
    });
    for (const id of ids) emit(weatherSkipNotice(skip.id, id));
    return { weatherSkipId: skip.id, matched: ids, generated: jobs };
  });

  // Jobs of that date already generated: the admin cancellation (no fee for anyone), one at a time.
  const adminActor = { id: admin.id, roles: ["ADMIN"] as const };
  const cancelledJobIds: string[] = [];
  for (const job of generated) {
    // Work under way or done is left alone; anything before it is called off.
    if (!WEATHER_CANCELS.includes(job.status)) continue;
    try {
      await cancelJob(db, adminActor, job.id, `Skipped for weather: ${input.reason}`, { scooperFeeOwed: false });
      cancelledJobIds.push(job.id);
    } catch (err) {
      if (!(err instanceof AppError) || !["CONFLICT", "PRECONDITION_FAILED"].includes(err.code)) throw err;
      logger.info({ jobId: job.id, err: err.message }, "weather skip: job moved on, left as it is");
    }
  }
  if (cancelledJobIds.length) await db.weatherSkip.update({ where: { id: weatherSkipId }, data: { cancelledJobIds } });
  return { weatherSkipId, skippedRecurringIds: matched, cancelledJobIds };
}

export const weatherSkipRowSchema = z.object({
  id: z.string(), date: z.string(), reason: z.string(), area: weatherAreaSchema, subscriptions: z.number().int(), cancelledJobs: z.number().int(), createdAt: z.date(),
});

/** Recent weather skips for the admin page, newest first. */
export async function listWeatherSkips(db: Db): Promise<z.infer<typeof weatherSkipRowSchema>[]> {
  const rows = await db.weatherSkip.findMany({
    orderBy: { createdAt: "desc" }, take: 50,
    select: { id: true, serviceDate: true, reason: true, area: true, cancelledJobIds: true, createdAt: true, _count: { select: { skippedVisits: true } } },
  });
  return rows.map((r) => ({
    id: r.id, date: fromDbDate(r.serviceDate), reason: r.reason, area: weatherAreaSchema.parse(r.area),
    subscriptions: r._count.skippedVisits + r.cancelledJobIds.length, cancelledJobs: r.cancelledJobIds.length, createdAt: r.createdAt,
  }));
}

/** For the customer's notice: the date, the reason and the subscription's address. */
export async function weatherSkipNoticeData(db: Db, weatherSkipId: string, recurringId: string) {
  const [skip, sub] = await Promise.all([
    db.weatherSkip.findUnique({ where: { id: weatherSkipId }, select: { serviceDate: true, reason: true } }),
    db.recurringCleanup.findUnique({ where: { id: recurringId }, select: { customerId: true, address: true } }),
  ]);
  return skip && sub ? { customerId: sub.customerId, address: sub.address, serviceDate: fromDbDate(skip.serviceDate), reason: skip.reason } : null;
}
