/** What the server returns for a recurring cleanup; its input rules are shared with the form (src/lib/schemas/recurring.ts). */
import { z } from "zod";
import { CleanupType, LitterLevel, PileEstimate, YardSegment } from "@/generated/prisma/enums";
import { frequencySchema } from "@/lib/schemas/recurring";

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
