/** Sentry in the edge runtime (middleware, edge routes; none today). Off without SENTRY_DSN. */
import * as Sentry from "@sentry/nextjs";
import { env } from "@/env";
import { sentryServerOptions } from "@/server/observability/sentry-options";

if (env.SENTRY_DSN) Sentry.init(sentryServerOptions("web"));
