/** The admin's weather skip (src/server/recurring/weather-skip.ts): skip every visit of a date inside an area. Admins only. */
import { z } from "zod";
import { listWeatherSkips, skipVisitsForWeather, weatherSkipInputSchema, weatherSkipRowSchema } from "@/server/recurring/weather-skip";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const adminWeatherRouter = createTRPCRouter({
  list: adminProcedure.output(z.array(weatherSkipRowSchema)).query(({ ctx }) => listWeatherSkips(ctx.db)),
  skip: adminProcedure
    .input(weatherSkipInputSchema)
    .output(z.object({ weatherSkipId: z.string(), skippedRecurringIds: z.array(z.string()), cancelledJobIds: z.array(z.string()) }))
    .mutation(({ ctx, input }) => skipVisitsForWeather(ctx.db, ctx.session.user, input)),
});
