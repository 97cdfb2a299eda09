/**
 * Sentry in the browser, loaded by Next.js before the app. Completely off without NEXT_PUBLIC_SENTRY_DSN
 * (inlined at build time). Events are scrubbed of personal data like the server's.
 *
 * The SDK is imported only when a DSN is set: a static import put ~66 kB of compressed JavaScript on every
 * page even with Sentry off (issue 16). Errors before it loads are missed; that is the price of a light page.
 * The two settings are read from process.env (inlined by Next) rather than `@/env`: that module brings zod and
 * the env schema (~33 kB compressed) to every page, and src/env.js already validated both at build time.
 */
type SentryModule = typeof import("@sentry/nextjs");
let sentry: SentryModule | null = null;

// eslint-disable-next-line no-restricted-properties -- see above: `@/env` would bring zod to every page
const dsn = process.env.NEXT_PUBLIC_SENTRY_DSN;
if (dsn) {
  void Promise.all([import("@sentry/nextjs"), import("@/lib/sentry-scrub")]).then(([Sentry, { scrubSentryEvent, SENTRY_DATA_COLLECTION }]) => {
    Sentry.init({
      dsn,
      // eslint-disable-next-line no-restricted-properties -- validated by src/env.js at build time
      tracesSampleRate: Number(process.env.NEXT_PUBLIC_SENTRY_TRACES_SAMPLE_RATE ?? 0),
      dataCollection: SENTRY_DATA_COLLECTION,
      beforeSend: (event) => scrubSentryEvent(event),
    });
    sentry = Sentry;
  });
}

export function onRouterTransitionStart(...args: Parameters<SentryModule["captureRouterTransitionStart"]>) {
  sentry?.captureRouterTransitionStart(...args);
}
