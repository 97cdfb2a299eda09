/** Input rules of a review and its tip, shared by src/server/reviews and the review form. */
import { z } from "zod";

/** A tip is at most $500: larger amounts are far more likely a typo than generosity. */
export const TIP_MAX_CENTS = 50_000;
export const REVIEW_COMMENT_MAX = 1000;

export const ratingSchema = z.number().int().min(1, "Rate from 1 to 5.").max(5, "Rate from 1 to 5.");
export const tipCentsSchema = z.number().int().min(0).max(TIP_MAX_CENTS);

export const leaveReviewInputSchema = z.object({
  jobId: z.string().min(1),
  rating: ratingSchema,
  comment: z.string().trim().max(REVIEW_COMMENT_MAX).nullish(),
  tipCents: tipCentsSchema.default(0),
});
export type LeaveReviewInput = z.input<typeof leaveReviewInputSchema>;

/** A tip added after a review that had none, before the review's tip deadline. */
export const addTipInputSchema = z.object({
  jobId: z.string().min(1),
  tipCents: z.number().int().min(1, "Enter a tip above $0.").max(TIP_MAX_CENTS),
});
export type AddTipInput = z.input<typeof addTipInputSchema>;
