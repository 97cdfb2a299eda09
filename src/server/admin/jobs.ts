/**
 * Admin view of cleanup jobs: every job (any state, any party), filtered by state, area and date, and one job
 * with its full timeline. Cancelling goes through `cancelJob` (src/server/jobs/cancel-job.ts), which allows
 * admins, requires the reason and writes the audit row; nothing here changes a job.
 */
import { z } from "zod";
import { env } from "@/env";
import type { Prisma } from "@/generated/prisma/client";
import { JobStatus } from "@/generated/prisma/enums";
import { latSchema, lngSchema } from "@/lib/geo";
import { addDays, zonedTime } from "@/lib/schedules";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { jobDetailSchema } from "@/server/jobs/dto";
import { localDateSchema } from "@/lib/schemas/recurring";

export const adminJobQuerySchema = z.object({
  statuses: z.array(z.enum(JobStatus)).max(10).default([]),
  /** Free-text match on the address (case-insensitive). */
  address: z.string().trim().max(200).default(""),
  /** A lat/lng box; all four or none. */
  box: z.object({ minLat: latSchema, maxLat: latSchema, minLng: lngSchema, maxLng: lngSchema }).nullable().default(null),
  /** Posted on or after / on or before these local dates (APP_TIMEZONE). */
  from: localDateSchema.nullable().default(null),
  to: localDateSchema.nullable().default(null),
  /** Only IN_PROGRESS jobs waiting for an admin's decision (their scooper was blocked mid-job). */
  needsDecision: z.boolean().default(false),
  take: z.number().int().min(1).max(200).default(100),
});
export type AdminJobQuery = z.input<typeof adminJobQuerySchema>;

export const adminJobRowSchema = z.object({
  id: z.string(),
  status: z.enum(JobStatus),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  priceCents: z.number().int(),
  posterEmail: z.string(),
  scooperEmail: z.string().nullable(),
  recurringId: z.string().nullable(),
  needsAdminReason: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export function adminJobWhere(q: z.output<typeof adminJobQuerySchema>): Prisma.CleanupJobWhereInput {
  const tz = env.APP_TIMEZONE;
  const createdAt: Prisma.DateTimeFilter = {};
  if (q.from) createdAt.gte = zonedTime(q.from, "00:00", tz);
  if (q.to) createdAt.lt = zonedTime(addDays(q.to, 1), "00:00", tz);
  return {
    ...(q.statuses.length ? { status: { in: q.statuses } } : {}),
    ...(q.address ? { address: { contains: q.address, mode: "insensitive" } } : {}),
    ...(q.box ? { lat: { gte: q.box.minLat, lte: q.box.maxLat }, lng: { gte: q.box.minLng, lte: q.box.maxLng } } : {}),
    ...(q.from || q.to ? { createdAt } : {}),
    // Leaving IN_PROGRESS (completed, or cancelled by the admin) takes a job off the queue by itself.
    ...(q.needsDecision ? { status: "IN_PROGRESS", needsAdminAt: { not: null } } : {}),
  };
}

export async function listAdminJobs(db: Tx, query: AdminJobQuery) {
  const q = adminJobQuerySchema.parse(query);
  const rows = await db.cleanupJob.findMany({
    where: adminJobWhere(q),
    orderBy: { createdAt: "desc" },
    take: q.take,
    select: {
      id: true, status: true, address: true, lat: true, lng: true, priceCents: true, recurringId: true, createdAt: true, updatedAt: true,
      needsAdminReason: true,
      poster: { select: { email: true } }, scooper: { select: { email: true } },
    },
  });
  return rows.map(({ poster, scooper, needsAdminReason, ...r }) => ({
    ...r, posterEmail: poster.email, scooperEmail: scooper?.email ?? null, needsAdminReason: r.status === "IN_PROGRESS" ? needsAdminReason : null,
  }));
}

/** Admins see the whole event: who acted (by email) and every detail, including the ids the party timeline hides. */
export const adminJobEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  actorEmail: z.string().nullable(),
  fromStatus: z.enum(JobStatus).nullable(),
  toStatus: z.enum(JobStatus).nullable(),
  details: z.unknown(),
  createdAt: z.date(),
});

export const adminJobSchema = z.object({
  job: jobDetailSchema,
  posterEmail: z.string(),
  scooperEmail: z.string().nullable(),
  timeline: z.array(adminJobEventSchema),
});

export async function adminJobParties(db: Tx, jobId: string) {
  const job = await db.cleanupJob.findUnique({
    where: { id: jobId },
    select: {
      poster: { select: { email: true } },
      scooper: { select: { email: true } },
      events: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, type: true, fromStatus: true, toStatus: true, details: true, createdAt: true, actor: { select: { email: true } } },
      },
    },
  });
  if (!job) throw new AppError("NOT_FOUND", "job.notFound");
  return {
    posterEmail: job.poster.email,
    scooperEmail: job.scooper?.email ?? null,
    timeline: job.events.map(({ actor, ...e }) => ({ ...e, actorEmail: actor?.email ?? null })),
  };
}
