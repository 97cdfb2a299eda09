/**
 * Sentry in the browser, loaded by Next.js before the app. Completely off without NEXT_PUBLIC_SENTRY_DSN
 * (inlined at build time). Events are scrubbed of personal data like the server's.
 */
import * as Sentry from "@sentry/nextjs";
import { env } from "@/env";
import { scrubSentryEvent, SENTRY_DATA_COLLECTION } from "@/lib/sentry-scrub";

if (env.NEXT_PUBLIC_SENTRY_DSN) {
  Sentry.init({
    dsn: env.NEXT_PUBLIC_SENTRY_DSN,
    tracesSampleRate: env.NEXT_PUBLIC_SENTRY_TRACES_SAMPLE_RATE,
    dataCollection: SENTRY_DATA_COLLECTION,
    beforeSend: (event) => scrubSentryEvent(event),
  });
}

export const onRouterTransitionStart = Sentry.captureRouterTransitionStart;
