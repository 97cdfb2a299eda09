import type { Tx } from "@/server/db";
import type { ScooperRating } from "./dto";

export async function scooperRating(db: Tx, scooperId: string): Promise<ScooperRating> {
  const agg = await db.review.aggregate({ where: { scooperId }, _avg: { rating: true }, _count: { _all: true } });
  const avg = agg._avg.rating;
  return { average: avg === null ? null : Math.round(avg * 10) / 10, count: agg._count._all };
}
