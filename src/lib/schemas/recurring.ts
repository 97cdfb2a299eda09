/** The input rules of a recurring cleanup, shared by src/server/recurring and the recurring form. */
import { z } from "zod";
import { isValidLocalDate } from "@/lib/schedules";
import { latSchema, lngSchema } from "@/lib/geo";
import { postalCodeSchema } from "@/lib/postal-code";
import {
  MAX_PRICE_CENTS,
  MIN_PRICE_CENTS,
  cleanupTypeSchema,
  jobTypeRules,
  litterLevelSchema,
  pileEstimateSchema,
  yardSegmentSchema,
} from "./jobs";

/** Characters in each notes field of a recurring cleanup (a generated job copies them). */
export const RECURRING_NOTES_MAX = 1000;
export const RECURRING_ADDRESS_MAX = 200;

export const localDateSchema = z.string().refine(isValidLocalDate, "Use a date like 2026-12-01.");
export const frequencySchema = z.enum(["WEEKLY", "BIWEEKLY", "MONTHLY"]);

export const recurringDetailsSchema = z.object({
  address: z.string().trim().min(5, "Enter the street address.").max(RECURRING_ADDRESS_MAX),
  postalCode: postalCodeSchema.nullable().default(null),
  lat: latSchema,
  lng: lngSchema,
  priceCents: z.number().int().min(MIN_PRICE_CENTS, "At least $5.00.").max(MAX_PRICE_CENTS, "At most $500.00."),
  type: cleanupTypeSchema,
  pileEstimate: pileEstimateSchema.nullable().default(null),
  litterLevel: litterLevelSchema.nullable().default(null),
  yardSegments: z.array(yardSegmentSchema).min(1, "Choose at least one part of the yard.").max(4),
  publicNotes: z.string().trim().max(RECURRING_NOTES_MAX).nullable().default(null),
  accessNotes: z.string().trim().max(RECURRING_NOTES_MAX).nullable().default(null),
});

export const createRecurringSchema = recurringDetailsSchema
  .extend({ frequency: frequencySchema, firstServiceDate: localDateSchema, preferredScooperId: z.string().min(1).max(100).nullable().default(null) })
  .superRefine(jobTypeRules);
export type CreateRecurringInput = z.infer<typeof createRecurringSchema>;

export const updateRecurringSchema = createRecurringSchema;
