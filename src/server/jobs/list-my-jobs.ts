import { z } from "zod";
import { JobStatus } from "@/generated/prisma/enums";
import type { Tx } from "@/server/db";
import { takeHomeCents } from "@/lib/money";
import type { MyJobRow } from "./dto";
import { mayRepost } from "./job-access";

export const myJobsQuerySchema = z.object({
  /** "posted": jobs I posted (customer); "claimed": jobs I hold or did (scooper). */
  as: z.enum(["posted", "claimed"]),
  statuses: z.array(z.enum(JobStatus)).optional(),
  limit: z.number().int().min(1).max(200).default(100),
});
export type MyJobsQuery = z.input<typeof myJobsQuerySchema>;

/** A user's own jobs, newest activity first; indexed on (posterId, status) and (scooperId, status). */
export async function listMyJobs(db: Tx, userId: string, query: MyJobsQuery): Promise<MyJobRow[]> {
  const q = myJobsQuerySchema.parse(query);
  const rows = await db.cleanupJob.findMany({
    where: {
      ...(q.as === "posted" ? { posterId: userId } : { scooperId: userId }),
      ...(q.statuses?.length ? { status: { in: q.statuses } } : {}),
    },
    orderBy: { updatedAt: "desc" },
    take: q.limit,
    select: {
      id: true, status: true, lat: true, lng: true, address: true, priceCents: true, type: true, pileEstimate: true,
      litterLevel: true, yardSegments: true, createdAt: true, updatedAt: true, expiresAt: true, claimedAt: true,
      startedAt: true, completedAt: true, confirmedAt: true, platformFeePercent: true,
    },
  });
  return rows.map(({ platformFeePercent, ...row }) => ({
    ...row, takeHomeCents: takeHomeCents(row.priceCents, platformFeePercent), canRepost: q.as === "posted" && mayRepost(row.status),
  }));
}
