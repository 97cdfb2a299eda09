/** Reviews and tips after confirmation, and a scooper's own average rating. */
import { z } from "zod";
import { addTipInputSchema, leaveReviewInputSchema } from "@/lib/schemas/reviews";
import { addTip } from "@/server/reviews/add-tip";
import { scooperRatingSchema } from "@/server/reviews/dto";
import { leaveReview } from "@/server/reviews/leave-review";
import { scooperRating } from "@/server/reviews/scooper-rating";
import { env } from "@/env";
import { createTRPCRouter, customerProcedure, rateLimited, scooperProcedure } from "../trpc";

export const reviewsRouter = createTRPCRouter({
  leave: customerProcedure.use(rateLimited("review", () => env.RATE_LIMIT_REVIEW, "reviews"))
    .input(leaveReviewInputSchema)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => leaveReview(ctx.db, ctx.session.user, input)),

  /** A tip after a review that had none, until the review's tip deadline. */
  addTip: customerProcedure.use(rateLimited("review", () => env.RATE_LIMIT_REVIEW, "reviews"))
    .input(addTipInputSchema)
    .output(z.object({ tipCents: z.number().int() }))
    .mutation(({ ctx, input }) => addTip(ctx.db, ctx.session.user, input)),

  myRating: scooperProcedure.output(scooperRatingSchema).query(({ ctx }) => scooperRating(ctx.db, ctx.session.user.id)),
});
