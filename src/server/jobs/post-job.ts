import { z } from "zod";
import { CleanupType, LitterLevel, PileEstimate, YardSegment } from "@/generated/prisma/enums";
import type { Db } from "@/server/db";
import { announceJobChange } from "./announce";
import { latSchema, lngSchema } from "@/lib/geo";
import { jobRules } from "./config";
import type { JobActor } from "./job-access";
import { authorizePostedJob } from "@/server/payments/job-settlement";
import { scheduleJobTimer } from "./timers";
import { tryTransition } from "./transition";
import { requireActiveUser } from "./users";

export const MIN_PRICE_CENTS = 500;
export const MAX_PRICE_CENTS = 50_000;

export const postJobInputSchema = z
  .object({
    address: z.string().trim().min(3, "Enter the address.").max(300),
    lat: latSchema,
    lng: lngSchema,
    priceCents: z.number().int().min(MIN_PRICE_CENTS, "The price is at least $5.00.").max(MAX_PRICE_CENTS, "The price is at most $500.00."),
    type: z.enum(CleanupType),
    pileEstimate: z.enum(PileEstimate).nullish(),
    litterLevel: z.enum(LitterLevel).nullish(),
    yardSegments: z.array(z.enum(YardSegment)).min(1, "Pick at least one part of the yard.").max(4),
    publicNotes: z.string().trim().max(2000).nullish(),
    accessNotes: z.string().trim().max(2000).nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.type !== "LITTER" && !v.pileEstimate) {
      ctx.addIssue({ code: "custom", path: ["pileEstimate"], message: "Estimate the number of piles." });
    }
    if (v.type !== "POOP" && !v.litterLevel) {
      ctx.addIssue({ code: "custom", path: ["litterLevel"], message: "Pick the litter level." });
    }
  });
export type PostJobInput = z.infer<typeof postJobInputSchema>;

/** A customer posts a job: OPEN until `JOB_EXPIRY_SECONDS` from now; the expiry timer is scheduled after commit. */
export async function postJob(db: Db, actor: JobActor, raw: PostJobInput): Promise<{ id: string; expiresAt: Date }> {
  const input = postJobInputSchema.parse(raw);
  const expiresAt = new Date(Date.now() + jobRules.expiryMs);
  const job = await db.$transaction(async (tx) => {
    await requireActiveUser(tx, actor.id, "post");
    const created = await tx.cleanupJob.create({
      data: {
        posterId: actor.id,
        address: input.address,
        lat: input.lat,
        lng: input.lng,
        priceCents: input.priceCents,
        type: input.type,
        // Only the fields the type calls for: a LITTER job has no pile estimate, a POOP job no litter level.
        pileEstimate: input.type === "LITTER" ? null : input.pileEstimate,
        litterLevel: input.type === "POOP" ? null : input.litterLevel,
        yardSegments: [...new Set(input.yardSegments)],
        publicNotes: input.publicNotes || null,
        accessNotes: input.accessNotes || null,
        expiresAt,
      },
      select: { id: true, expiresAt: true },
    });
    await tx.jobEvent.create({ data: { jobId: created.id, actorId: actor.id, type: "posted", toStatus: "OPEN" } });
    return created;
  });
  // The job goes on the board only once the customer's money is held.
  try {
    await authorizePostedJob({ jobId: job.id, customerId: actor.id, amountCents: input.priceCents });
  } catch (err) {
    await db.$transaction((tx) =>
      tryTransition(tx, { jobId: job.id, from: "OPEN", to: "CANCELLED", event: "payment_failed", actorId: null, data: { cancelledAt: new Date(), cancelReason: "payment not authorized" } }),
    );
    throw err;
  }
  await scheduleJobTimer("expire", job.id, job.expiresAt);
  await announceJobChange(db, job.id, "posted");
  return job;
}
