/**
 * Sentry in the browser, loaded by Next.js before the app. Completely off without NEXT_PUBLIC_SENTRY_DSN
 * (inlined at build time). Events are scrubbed of personal data like the server's.
 *
 * The SDK is imported only when a DSN is set: a static import put ~149 kB of compressed JavaScript on every
 * page even with Sentry off (issue 16). Errors before it loads are missed; that is the price of a light page.
 */
import { env } from "@/env";

type SentryModule = typeof import("@sentry/nextjs");
let sentry: SentryModule | null = null;

if (env.NEXT_PUBLIC_SENTRY_DSN) {
  const dsn = env.NEXT_PUBLIC_SENTRY_DSN;
  void Promise.all([import("@sentry/nextjs"), import("@/lib/sentry-scrub")]).then(([Sentry, { scrubSentryEvent, SENTRY_DATA_COLLECTION }]) => {
    Sentry.init({
      dsn,
      tracesSampleRate: env.NEXT_PUBLIC_SENTRY_TRACES_SAMPLE_RATE,
      dataCollection: SENTRY_DATA_COLLECTION,
      beforeSend: (event) => scrubSentryEvent(event),
    });
    sentry = Sentry;
  });
}

export function onRouterTransitionStart(...args: Parameters<SentryModule["captureRouterTransitionStart"]>) {
  sentry?.captureRouterTransitionStart(...args);
}
