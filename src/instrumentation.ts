/**
 * Next.js calls `register` once per server runtime at start: Sentry for the Node.js runtime (route handlers,
 * tRPC, server components) or the edge runtime. `onRequestError` reports errors Next catches while rendering
 * or routing. Both are no-ops without SENTRY_DSN (the config files skip `Sentry.init`).
 */
import * as Sentry from "@sentry/nextjs";

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./sentry.server.config");
  if (process.env.NEXT_RUNTIME === "edge") await import("./sentry.edge.config");
}

export const onRequestError = Sentry.captureRequestError;
