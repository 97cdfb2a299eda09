/**
 * Structured JSON logs for web, worker and scripts. Every line written inside a request or job context
 * (src/server/observability/request-context.ts) carries its `requestId` (and `userId`, `queue`, `jobId`), so one
 * grep follows a job from the web request into the worker. Use `logger.child({ ... })` for anything else.
 */
import pino, { type DestinationStream } from "pino";
import { env } from "@/env";
import { getRequestContext } from "@/server/observability/request-context";

export function createLogger(destination?: DestinationStream) {
  return pino(
    {
      level: env.LOG_LEVEL,
      base: { service: process.env.SCOOP_SERVICE ?? "web" },
      redact: { paths: ["*.password", "*.passwordHash", "*.token", "*.accessNotes", "req.headers.cookie"], censor: "[redacted]" },
      mixin: () => {
        const { timing: _timing, ...ids } = getRequestContext() ?? {};
        return ids;
      },
    },
    destination,
  );
}

export const logger = createLogger();
