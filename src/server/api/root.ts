/** The app's router: one entry per domain. Routers stay thin: input/output schemas, who may call, one service call. */
import { createCallerFactory, createTRPCRouter } from "./trpc";
import { jobsRouter } from "./routers/jobs";

export const appRouter = createTRPCRouter({
  jobs: jobsRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller, used by React Server Components and integration tests. */
export const createCaller = createCallerFactory(appRouter);
