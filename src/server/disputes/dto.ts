/** What the browser may see of a dispute: its parties see their own job's dispute (jobs/dto.ts), admins the queue. */
import { z } from "zod";
import { DisputeOutcome } from "@/generated/prisma/enums";
import { disputeReasonSchema } from "@/lib/schemas/disputes";

export const disputeOutcomeSchema = z.enum(DisputeOutcome);

export const disputeSchema = z.object({
  id: z.string(),
  reason: disputeReasonSchema,
  text: z.string(),
  openedAt: z.date(),
  responseDeadlineAt: z.date(),
  scooperResponse: z.string().nullable(),
  respondedAt: z.date().nullable(),
  outcome: disputeOutcomeSchema.nullable(),
  refundCents: z.number().int().nullable(),
  resolvedAt: z.date().nullable(),
  /** Admins only (null for the parties). */
  adminNote: z.string().nullable(),
});
export type DisputeDto = z.infer<typeof disputeSchema>;

export const disputeSelect = {
  id: true, reason: true, text: true, openedAt: true, responseDeadlineAt: true, scooperResponse: true, respondedAt: true,
  outcome: true, refundCents: true, resolvedAt: true, adminNote: true,
} as const;
