/** Structured JSON logs for web, worker and scripts. Use `logger.child({ ... })` to carry ids along. */
import pino from "pino";
import { env } from "@/env";

export const logger = pino({
  level: env.LOG_LEVEL,
  base: { service: process.env.SCOOP_SERVICE ?? "web" },
  redact: { paths: ["*.password", "*.passwordHash", "*.token", "*.accessNotes", "req.headers.cookie"], censor: "[redacted]" },
});
