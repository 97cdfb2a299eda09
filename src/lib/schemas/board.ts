/**
 * The board's public shape of a job: what anyone may see on the map and what the board's real-time events carry
 * (src/server/realtime/events.ts). No poster identity, no private notes. Isomorphic, so the real-time layer
 * (shared infrastructure) and the browser share it without importing the jobs domain.
 */
import { z } from "zod";
import { CleanupType, LitterLevel, PileEstimate, YardSegment } from "@/generated/prisma/enums";

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
