import { z } from "zod";

export const reviewSchema = z.object({
  rating: z.number().int(),
  comment: z.string().nullable(),
  tipCents: z.number().int(),
  createdAt: z.date(),
  /** Until when the poster may still add a tip (TIP_WINDOW_SECONDS after the review); null once tipped. */
  tipUntil: z.date().nullable(),
});
export type ReviewDto = z.infer<typeof reviewSchema>;

/** A scooper's average rating (one decimal) over `count` reviews; `average` is null until the first review. */
export const scooperRatingSchema = z.object({ average: z.number().nullable(), count: z.number().int() });
export type ScooperRating = z.infer<typeof scooperRatingSchema>;
