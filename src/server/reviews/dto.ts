import { z } from "zod";

export const ratingSchema = z.number().int().min(1, "Rate from 1 to 5.").max(5, "Rate from 1 to 5.");
/** A tip is at most $500: larger amounts are far more likely a typo than generosity. */
export const tipCentsSchema = z.number().int().min(0).max(50_000);

export const leaveReviewInputSchema = z.object({
  jobId: z.string().min(1),
  rating: ratingSchema,
  comment: z.string().trim().max(1000).nullish(),
  tipCents: tipCentsSchema.default(0),
});
export type LeaveReviewInput = z.input<typeof leaveReviewInputSchema>;

export const reviewSchema = z.object({ rating: z.number().int(), comment: z.string().nullable(), tipCents: z.number().int(), createdAt: z.date() });
export type ReviewDto = z.infer<typeof reviewSchema>;

/** A scooper's average rating (one decimal) over `count` reviews; `average` is null until the first review. */
export const scooperRatingSchema = z.object({ average: z.number().nullable(), count: z.number().int() });
export type ScooperRating = z.infer<typeof scooperRatingSchema>;
