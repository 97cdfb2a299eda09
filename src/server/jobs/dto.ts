/** What the browser may see of a job on the public board: no poster identity, no private notes. */
import { z } from "zod";
import { CleanupType, PileEstimate, LitterLevel, YardSegment } from "@/generated/prisma/enums";

export const boardJobSchema = z.object({
  id: z.string(),
  lat: z.number(),
  lng: z.number(),
  address: z.string(),
  priceCents: z.number().int(),
  takeHomeCents: z.number().int(),
  type: z.enum(CleanupType),
  pileEstimate: z.enum(PileEstimate).nullable(),
  litterLevel: z.enum(LitterLevel).nullable(),
  yardSegments: z.array(z.enum(YardSegment)),
  createdAt: z.date(),
  expiresAt: z.date(),
});
export type BoardJob = z.infer<typeof boardJobSchema>;
