/** Disputes: the poster opens, the scooper responds, an admin resolves. Each procedure is one service call. */
import { z } from "zod";
import { openDisputeInputSchema, respondDisputeInputSchema } from "@/lib/schemas/disputes";
import { disputeOutcomeSchema } from "@/server/disputes/dto";
import { listOpenDisputes, openDisputeRowSchema } from "@/server/disputes/list-open-disputes";
import { openDispute } from "@/server/disputes/open-dispute";
import { resolveDispute } from "@/server/disputes/resolve-dispute";
import { respondToDispute } from "@/server/disputes/respond-to-dispute";
import { env } from "@/env";
import { adminProcedure, createTRPCRouter, customerProcedure, rateLimited, scooperProcedure } from "../trpc";

const jobId = z.string().min(1);

export const disputesRouter = createTRPCRouter({
  open: customerProcedure.use(rateLimited("dispute", () => env.RATE_LIMIT_DISPUTE, "disputesOpened"))
    .input(openDisputeInputSchema)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => openDispute(ctx.db, ctx.session.user, input)),

  respond: scooperProcedure
    .input(respondDisputeInputSchema)
    .mutation(({ ctx, input }) => respondToDispute(ctx.db, ctx.session.user, input)),

  openQueue: adminProcedure.output(z.array(openDisputeRowSchema)).query(({ ctx }) => listOpenDisputes(ctx.db)),

  resolve: adminProcedure
    .input(z.object({ jobId, outcome: disputeOutcomeSchema, refundCents: z.number().int().min(1).nullish(), note: z.string().trim().max(2000).nullish() }))
    .output(z.object({ refundCents: z.number().int() }))
    .mutation(({ ctx, input }) => resolveDispute(ctx.db, ctx.session.user, input)),
});
