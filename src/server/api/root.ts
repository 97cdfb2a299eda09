/** The app's router: one entry per domain. Routers stay thin: input/output schemas, who may call, one service call. */
import { createCallerFactory, createTRPCRouter, mergeRouters } from "./trpc";
import { accountsRouter } from "./routers/accounts";
import { adminEmailsRouter, adminJobsRouter, adminSubscriptionsRouter } from "./routers/admin-back-office";
import { adminOpsRouter } from "./routers/admin-ops";
import { adminScoopersRouter } from "./routers/admin-scoopers";
import { adminUsersRouter } from "./routers/admin-users";
import { adminWeatherRouter } from "./routers/admin-weather";
import { disputesRouter } from "./routers/disputes";
import { geoRouter } from "./routers/geo";
import { jobsRouter } from "./routers/jobs";
import { jobsLiveRouter } from "./routers/jobs-live";
import { jobMessagesRouter } from "./routers/job-messages";
import { paymentsRouter } from "./routers/payments";
import { recurringRouter } from "./routers/recurring";
import { notificationsRouter } from "./routers/notifications";
import { reviewsRouter } from "./routers/reviews";
import { adminAttestationsRouter, scooperOnboardingRouter } from "./routers/scooper-onboarding";
import { todayRouter } from "./routers/today";
import { yardsRouter } from "./routers/yards";

export const appRouter = createTRPCRouter({
  accounts: accountsRouter,
  adminOps: adminOpsRouter,
  adminUsers: adminUsersRouter,
  adminJobs: adminJobsRouter,
  adminSubscriptions: adminSubscriptionsRouter,
  adminEmails: adminEmailsRouter,
  adminScoopers: adminScoopersRouter,
  adminAttestations: adminAttestationsRouter,
  scooperOnboarding: scooperOnboardingRouter,
  adminWeather: adminWeatherRouter,
  jobs: mergeRouters(jobsRouter, jobsLiveRouter),
  jobMessages: jobMessagesRouter,
  payments: paymentsRouter,
  recurring: recurringRouter,
  notifications: notificationsRouter,
  disputes: disputesRouter,
  geo: geoRouter,
  reviews: reviewsRouter,
  yards: yardsRouter,
  today: todayRouter,
});

export type AppRouter = typeof appRouter;

/** Server-side caller, used by React Server Components and integration tests. */
export const createCaller = createCallerFactory(appRouter);
