import type { Tx } from "@/server/db";
import type { Bounds } from "@/lib/geo";
import { takeHomeCents } from "@/lib/money";
import type { BoardJob } from "./dto";

export const MAX_BOARD_PINS = 500;

/**
 * OPEN jobs whose pin lies inside the viewport, newest first, at most `limit` of them.
 * One indexed query on (status, lat, lng). A viewport crossing the antimeridian (west > east) wraps.
 */
export async function listOpenJobsInViewport(db: Tx, bounds: Bounds, limit = MAX_BOARD_PINS): Promise<BoardJob[]> {
  const lngFilter =
    bounds.west <= bounds.east
      ? { lng: { gte: bounds.west, lte: bounds.east } }
      : { OR: [{ lng: { gte: bounds.west } }, { lng: { lte: bounds.east } }] };
  const rows = await db.cleanupJob.findMany({
    where: { status: "OPEN", expiresAt: { gt: new Date() }, lat: { gte: bounds.south, lte: bounds.north }, ...lngFilter },
    orderBy: { createdAt: "desc" },
    take: Math.min(limit, MAX_BOARD_PINS),
    select: {
      id: true,
      lat: true,
      lng: true,
      address: true,
      priceCents: true,
      type: true,
      pileEstimate: true,
      litterLevel: true,
      yardSegments: true,
      createdAt: true,
      expiresAt: true,
    },
  });
  return rows.map((row) => ({ ...row, takeHomeCents: takeHomeCents(row.priceCents) }));
}
