import { z } from "zod";
import { boundsSchema } from "@/lib/geo";
import { boardJobSchema } from "@/server/jobs/dto";
import { listOpenJobsInViewport, MAX_BOARD_PINS } from "@/server/jobs/list-open-jobs";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const jobsRouter = createTRPCRouter({
  openInViewport: publicProcedure
    .input(z.object({ bounds: boundsSchema, limit: z.number().int().min(1).max(MAX_BOARD_PINS).optional() }))
    .output(z.array(boardJobSchema))
    .query(({ ctx, input }) => listOpenJobsInViewport(ctx.db, input.bounds, input.limit)),
});
