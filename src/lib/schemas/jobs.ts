/**
 * The input rules of a cleanup job, shared by the server (src/server/jobs/post-job.ts, the recurring schemas) and
 * the browser's forms, so a form checks exactly what the server will and shows each limit before it is hit.
 * Isomorphic: zod and Prisma's plain enum objects only.
 */
import { z } from "zod";
import { CleanupType, LitterLevel, PileEstimate, YardSegment } from "@/generated/prisma/enums";
import { latSchema, lngSchema } from "@/lib/geo";

export const MIN_PRICE_CENTS = 500;
export const MAX_PRICE_CENTS = 50_000;
/** Characters in each notes field of a one-off job. */
export const JOB_NOTES_MAX = 2000;
export const JOB_ADDRESS_MAX = 300;

export const cleanupTypeSchema = z.enum(CleanupType);
export const pileEstimateSchema = z.enum(PileEstimate);
export const litterLevelSchema = z.enum(LitterLevel);
export const yardSegmentSchema = z.enum(YardSegment);

/** Pile estimate for POOP/BOTH, litter level for LITTER/BOTH (PRODUCT.md "Cleanup job"). */
export function jobTypeRules<T extends { type: string; pileEstimate?: unknown; litterLevel?: unknown }>(v: T, ctx: z.RefinementCtx) {
  if (v.type !== "LITTER" && !v.pileEstimate) ctx.addIssue({ code: "custom", path: ["pileEstimate"], message: "Estimate the number of piles." });
  if (v.type !== "POOP" && !v.litterLevel) ctx.addIssue({ code: "custom", path: ["litterLevel"], message: "Pick the litter level." });
}

export const postJobInputSchema = z
  .object({
    address: z.string().trim().min(3, "Enter the address.").max(JOB_ADDRESS_MAX),
    lat: latSchema,
    lng: lngSchema,
    priceCents: z.number().int().min(MIN_PRICE_CENTS, "The price is at least $5.00.").max(MAX_PRICE_CENTS, "The price is at most $500.00."),
    type: cleanupTypeSchema,
    pileEstimate: pileEstimateSchema.nullish(),
    litterLevel: litterLevelSchema.nullish(),
    yardSegments: z.array(yardSegmentSchema).min(1, "Pick at least one part of the yard.").max(4),
    publicNotes: z.string().trim().max(JOB_NOTES_MAX).nullish(),
    accessNotes: z.string().trim().max(JOB_NOTES_MAX).nullish(),
  })
  .superRefine(jobTypeRules);
export type PostJobInput = z.infer<typeof postJobInputSchema>;
