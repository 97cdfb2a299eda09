/** The scooper's Today page: their active jobs in driving order (src/server/jobs/today.ts). Scoopers only. */
import { scooperToday, todayInputSchema, todaySchema } from "@/server/jobs/today";
import { createTRPCRouter, scooperProcedure } from "../trpc";

export const todayRouter = createTRPCRouter({
  route: scooperProcedure
    .input(todayInputSchema)
    .output(todaySchema)
    .query(({ ctx, input }) => scooperToday(ctx.db, ctx.session.user.id, input.position)),
});
