/** The input rules of a saved yard, shared by src/server/yards and the yard form. */
import { z } from "zod";
import { postalCodeSchema } from "@/lib/postal-code";
import { YARD_NOTES_MAX } from "@/lib/yards";
import { jobTypeRules, postJobInputSchema } from "./jobs";

export const YARD_LABEL_MAX = 60;
export const MAX_DOGS = 20;

/** A job's own fields and rules, shorter notes, and what only a yard has. */
export const savedYardInputSchema = z
  .object({
    ...postJobInputSchema.shape,
    label: z.string().trim().min(1, "Name the yard (e.g. Home).").max(YARD_LABEL_MAX),
    postalCode: postalCodeSchema.nullish(),
    publicNotes: z.string().trim().max(YARD_NOTES_MAX).nullish(),
    accessNotes: z.string().trim().max(YARD_NOTES_MAX).nullish(),
    dogCount: z.number().int().min(0).max(MAX_DOGS),
    unsafeDog: z.boolean(),
  })
  .superRefine(jobTypeRules);
export type SavedYardInput = z.input<typeof savedYardInputSchema>;
