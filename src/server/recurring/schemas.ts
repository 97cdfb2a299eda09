import { z } from "zod";
import { CleanupType, LitterLevel, PileEstimate, YardSegment } from "@/generated/prisma/enums";
import { isValidLocalDate } from "@/lib/schedules";
import { latSchema, lngSchema } from "@/lib/geo";
import { postalCodeSchema } from "@/lib/postal-code";
import { MAX_PRICE_CENTS, MIN_PRICE_CENTS } from "@/server/jobs/post-job";

export const localDateSchema = z.string().refine(isValidLocalDate, "Use a date like 2026-12-01.");
export const frequencySchema = z.enum(["WEEKLY", "BIWEEKLY", "MONTHLY"]);

const details = z.object({
  address: z.string().trim().min(5, "Enter the street address.").max(200),
  postalCode: postalCodeSchema.nullable().default(null),
  lat: latSchema,
  lng: lngSchema,
  priceCents: z.number().int().min(MIN_PRICE_CENTS, "At least $5.00.").max(MAX_PRICE_CENTS, "At most $500.00."),
  type: z.enum(CleanupType),
  pileEstimate: z.enum(PileEstimate).nullable().default(null),
  litterLevel: z.enum(LitterLevel).nullable().default(null),
  yardSegments: z.array(z.enum(YardSegment)).min(1, "Choose at least one part of the yard.").max(4),
  publicNotes: z.string().trim().max(1000).nullable().default(null),
  accessNotes: z.string().trim().max(1000).nullable().default(null),
});

function typeRules<T extends { type: string; pileEstimate: unknown; litterLevel: unknown }>(v: T, ctx: z.RefinementCtx) {
  if (v.type !== "LITTER" && !v.pileEstimate) ctx.addIssue({ code: "custom", path: ["pileEstimate"], message: "Estimate the piles." });
  if (v.type !== "POOP" && !v.litterLevel) ctx.addIssue({ code: "custom", path: ["litterLevel"], message: "Choose the litter level." });
}

export const createRecurringSchema = details
  .extend({ frequency: frequencySchema, firstServiceDate: localDateSchema, preferredScooperId: z.string().min(1).max(100).nullable().default(null) })
  .superRefine(typeRules);
export type CreateRecurringInput = z.infer<typeof createRecurringSchema>;

export const updateRecurringSchema = createRecurringSchema;

export const recurringDtoSchema = z.object({
  id: z.string(),
  status: z.enum(["ACTIVE", "PAUSED", "CANCELLED"]),
  frequency: frequencySchema,
  firstServiceDate: z.string(),
  pausedUntil: z.string().nullable(),
  /** ACCOUNT_BLOCKED: paused by the customer's suspension or ban; nothing but the customer's resume lifts it. */
  pauseReason: z.enum(["ACCOUNT_BLOCKED"]).nullable(),
  priceCents: z.number().int(),
  address: z.string(),
  postalCode: z.string().nullable(),
  lat: z.number(),
  lng: z.number(),
  type: z.enum(CleanupType),
  pileEstimate: z.enum(PileEstimate).nullable(),
  litterLevel: z.enum(LitterLevel).nullable(),
  yardSegments: z.array(z.enum(YardSegment)),
  publicNotes: z.string().nullable(),
  accessNotes: z.string().nullable(),
  preferredScooperId: z.string().nullable(),
  nextServiceDates: z.array(z.string()),
  createdAt: z.date(),
});
export type RecurringDto = z.infer<typeof recurringDtoSchema>;
