import { withSignedPhotoUrls } from "@/server/jobs/photo-signature";
import { z } from "zod";
import type { Db } from "@/server/db";
import { photoSchema } from "@/server/jobs/dto";
import { disputeSchema, disputeSelect } from "./dto";

export const openDisputeRowSchema = disputeSchema.extend({
  jobId: z.string(),
  address: z.string(),
  priceCents: z.number().int(),
  photos: z.array(photoSchema),
});
export type OpenDisputeRow = z.infer<typeof openDisputeRowSchema>;

/** The admin queue: unresolved disputes, oldest first, with the job and the dispute photos of both sides. */
export async function listOpenDisputes(db: Db, take = 100): Promise<OpenDisputeRow[]> {
  const rows = await db.dispute.findMany({
    // An admin may cancel a disputed job instead of resolving it: then it is no longer in the queue.
    where: { resolvedAt: null, job: { status: "DISPUTED" } },
    orderBy: { openedAt: "asc" },
    take,
    select: {
      ...disputeSelect,
      job: {
        select: {
          id: true, address: true, priceCents: true,
          photos: { where: { kind: "DISPUTE", status: { not: "FAILED" } }, orderBy: { createdAt: "asc" }, select: { id: true, kind: true, status: true, createdAt: true, originalKey: true, displayKey: true, thumbKey: true } },
        },
      },
    },
  });
  return rows.map(({ job, ...d }) => ({
    ...d,
    jobId: job.id,
    address: job.address,
    priceCents: job.priceCents,
    photos: job.photos.map((p) => withSignedPhotoUrls(job.id, p)),
  }));
}
