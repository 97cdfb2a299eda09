/**
 * The one Sentry configuration of the server side, used by the web app (src/sentry.server.config.ts,
 * src/sentry.edge.config.ts via @sentry/nextjs) and the worker (worker/index.ts via @sentry/node).
 * Without SENTRY_DSN the SDK is not even enabled: nothing is sent and nothing is buffered.
 */
import { getClient, type ErrorEvent, type TracesSamplerSamplingContext } from "@sentry/core";
import { env } from "@/env";
import { scrubSentryEvent, SENTRY_DATA_COLLECTION } from "@/lib/sentry-scrub";

export function sentryServerOptions(service: "web" | "worker", overrides: { dsn?: string } = {}) {
  const dsn = overrides.dsn ?? env.SENTRY_DSN;
  return {
    dsn,
    enabled: !!dsn,
    environment: env.NODE_ENV,
    tracesSampleRate: env.SENTRY_TRACES_SAMPLE_RATE,
    tracesSampler: sampleTraces,
    // Whole transactions (request → tRPC procedure → Prisma/PostgreSQL spans; worker job → its queries), not
    // streamed single spans: what Sentry's performance pages and our fake-ingest test read.
    traceLifecycle: "static" as const,
    // Sentry would otherwise attach IP addresses, cookies, headers and request bodies.
    dataCollection: SENTRY_DATA_COLLECTION,
    initialScope: { tags: { service } },
    beforeSend: (event: ErrorEvent) => scrubSentryEvent(event),
  };
}

/**
 * The configured rate, except that a trace continued from a caller keeps the caller's decision, as Sentry does by
 * default, but only while the rate is above 0: a caller's `sentry-trace: …-1` must not get spans sampled and sent
 * from a process whose tracing is off (SENTRY_TRACES_SAMPLE_RATE=0, the default). The rate is read from the client
 * when a span starts, so an `init` that overrides it (a test) is followed.
 */
export function sampleTraces({ inheritOrSampleWith }: Pick<TracesSamplerSamplingContext, "inheritOrSampleWith">): number {
  const rate = traceSampleRate();
  return rate > 0 ? inheritOrSampleWith(rate) : 0;
}

const traceSampleRate = () => getClient()?.getOptions().tracesSampleRate ?? 0;

/**
 * Whether this process traces at all: a Sentry client with a rate above 0. The one gate for the spans the code
 * opens itself (the request's, the procedures', the raw database statements'). Sentry's own `hasSpansEnabled` is
 * true at a rate of 0 as well, where such spans record nothing but still cost (≈ 0.3 ms of CPU per tRPC call).
 */
export function tracingOn(): boolean {
  return traceSampleRate() > 0;
}
