/**
 * The board: OPEN, unexpired jobs inside a viewport, filtered and sorted, at most `limit` of them with a
 * `truncated` flag when more matched. One SQL statement on the (status, lat, lng) index; the same text is
 * what scripts/bench/map.ts times raw through `pg`.
 */
import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { CleanupType, PileEstimate } from "@/generated/prisma/enums";
import type { Tx } from "@/server/db";
import { takeHomeCents } from "@/lib/money";
import { boundsSchema, distanceMeters, latSchema, lngSchema, type Bounds } from "@/lib/geo";
import { APPROX_CELL_DEGREES, approximateLocation } from "@/lib/privacy";
import { boardJobSchema, type BoardJob, type BoardResult } from "./dto";

import { MAX_BOARD_PINS, PRICE_STEP_CENTS } from "@/lib/board-limits";
import { MAX_PRICE_CENTS } from "@/lib/schemas/jobs";
export { MAX_BOARD_PINS };
export const BOARD_SORTS = ["newest", "price", "distance"] as const;

export const boardQuerySchema = z.object({
  bounds: boundsSchema,
  limit: z.number().int().min(1).max(MAX_BOARD_PINS).optional(),
  types: z.array(z.enum(CleanupType)).max(3).optional(),
  /** Whole $5 steps only (board-limits.ts): the map's clusters count prices by step. */
  minPriceCents: z.number().int().min(0).max(MAX_PRICE_CENTS).multipleOf(PRICE_STEP_CENTS).optional(),
  pileEstimates: z.array(z.enum(PileEstimate)).max(3).optional(),
  postedWithinMinutes: z.number().int().min(1).max(7 * 24 * 60).optional(),
  sort: z.enum(BOARD_SORTS).default("newest"),
  /** Where "distance" is measured from (the scooper's shared location); defaults to the viewport's centre. */
  from: z.object({ lat: latSchema, lng: lngSchema }).optional(),
});
export type BoardQuery = z.input<typeof boardQuerySchema>;

const rowSchema = boardJobSchema.omit({ takeHomeCents: true }).extend({ platformFeePercent: z.number().int() });

/** The board's SQL, shared by the service and the benchmark's raw run. */
export function boardSql(q: z.output<typeof boardQuerySchema>, now: Date, viewerId: string | null = null): Prisma.Sql {
  const b = q.bounds;
  const limit = Math.min(q.limit ?? MAX_BOARD_PINS, MAX_BOARD_PINS);
  const lng =
    b.west <= b.east ? Prisma.sql`lng BETWEEN ${b.west} AND ${b.east}` : Prisma.sql`(lng >= ${b.west} OR lng <= ${b.east})`;
  const filters: Prisma.Sql[] = [];
  if (q.types?.length) filters.push(Prisma.sql`AND type::text IN (${Prisma.join(q.types)})`);
  if (q.pileEstimates?.length) filters.push(Prisma.sql`AND "pileEstimate"::text IN (${Prisma.join(q.pileEstimates)})`);
  if (q.minPriceCents) filters.push(Prisma.sql`AND "priceCents" >= ${q.minPriceCents}`);
  if (q.postedWithinMinutes) filters.push(Prisma.sql`AND "createdAt" >= ${new Date(now.getTime() - q.postedWithinMinutes * 60_000)}`);
  const from = q.from ?? { lat: (b.south + b.north) / 2, lng: b.west <= b.east ? (b.west + b.east) / 2 : b.west };
  // Planar distance with the longitude scaled at the origin's latitude: exact enough to order pins in a city.
  const cosLat = Math.cos((from.lat * Math.PI) / 180);
  // Distance to the same approximate point the pin shows (src/lib/privacy.ts), so the order reveals no more.
  const cell = (col: Prisma.Sql) => Prisma.sql`(floor(${col} / ${APPROX_CELL_DEGREES}) * ${APPROX_CELL_DEGREES} + ${APPROX_CELL_DEGREES / 2})`;
  const [alat, alng] = [cell(Prisma.sql`lat`), cell(Prisma.sql`lng`)];
  const order =
    q.sort === "price"
      ? Prisma.sql`"priceCents" DESC, "createdAt" DESC`
      : q.sort === "distance"
        ? Prisma.sql`((${alat} - ${from.lat}) * (${alat} - ${from.lat}) + (${alng} - ${from.lng}) * (${alng} - ${from.lng}) * ${cosLat * cosLat}) ASC, "createdAt" DESC`
        : Prisma.sql`"createdAt" DESC`;
  return Prisma.sql`
    SELECT id, lat, lng, address, "priceCents", type::text AS type, "pileEstimate"::text AS "pileEstimate",
           "litterLevel"::text AS "litterLevel", "yardSegments"::text[] AS "yardSegments", "createdAt", "expiresAt",
           "platformFeePercent"
    FROM "CleanupJob"
    WHERE status = 'OPEN' AND lat BETWEEN ${b.south} AND ${b.north} AND ${lng} AND "expiresAt" > ${now}
      AND ("exclusiveUntil" IS NULL OR "exclusiveUntil" <= ${now} OR "exclusiveScooperId" = ${viewerId})
    ${filters.length ? Prisma.join(filters, " ") : Prisma.empty}
    ORDER BY ${order}
    LIMIT ${limit + 1}`;
}

/** `viewerId` sees the jobs reserved for them as preferred scooper; everyone else does not, until the window ends. */
export async function listOpenJobsInViewport(db: Tx, query: BoardQuery, viewerId: string | null = null): Promise<BoardResult> {
  const q = boardQuerySchema.parse(query);
  const limit = Math.min(q.limit ?? MAX_BOARD_PINS, MAX_BOARD_PINS);
  const rows = await db.$queryRaw<unknown[]>(boardSql(q, new Date(), viewerId));
  const jobs: BoardJob[] = rows.slice(0, limit).map((raw) => {
    // Unclaimed jobs: street without house number and an approximate pin, for everyone (poster included).
    const { platformFeePercent, ...row } = approximateLocation(rowSchema.parse(raw));
    return { ...row, takeHomeCents: takeHomeCents(row.priceCents, platformFeePercent) };
  });
  return { jobs, truncated: rows.length > limit };
}

/**
 * The open jobs nearest a point (offered after a lost claim): searches growing boxes until some are found.
 * Each step is the board query sorted by distance.
 */
export async function listNearestOpenJobs(
  db: Tx,
  point: { lat: number; lng: number },
  opts: { limit?: number; excludeJobId?: string; viewerId?: string | null } = {},
): Promise<(BoardJob & { distanceM: number })[]> {
  const limit = opts.limit ?? 3;
  for (const halfSide of [0.02, 0.1, 0.5]) {
    const bounds: Bounds = {
      south: Math.max(-90, point.lat - halfSide),
      north: Math.min(90, point.lat + halfSide),
      west: Math.max(-180, point.lng - halfSide),
      east: Math.min(180, point.lng + halfSide),
    };
    const { jobs } = await listOpenJobsInViewport(db, { bounds, sort: "distance", from: point, limit: limit + 1 }, opts.viewerId ?? null);
    const found = jobs.filter((j) => j.id !== opts.excludeJobId).slice(0, limit);
    if (found.length >= limit || halfSide === 0.5) return found.map((j) => ({ ...j, distanceM: Math.round(distanceMeters(point, j)) }));
  }
  return [];
}
