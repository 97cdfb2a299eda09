/** Input rules of a dispute and the scooper's response, shared by src/server/disputes and the job page's forms. */
import { z } from "zod";
import { DisputeReason } from "@/generated/prisma/enums";

export const DISPUTE_TEXT_MAX = 2000;

export const disputeReasonSchema = z.enum(DisputeReason);
export const disputeTextSchema = z.string().trim().min(1, "Say what went wrong.").max(DISPUTE_TEXT_MAX);

export const openDisputeInputSchema = z.object({ jobId: z.string().min(1), reason: disputeReasonSchema, text: disputeTextSchema });
export const respondDisputeInputSchema = z.object({ jobId: z.string().min(1), text: disputeTextSchema });
