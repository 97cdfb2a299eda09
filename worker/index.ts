/**
 * The worker process: `npm run worker` (production) or `npm run dev` (watch mode).
 * Boot order: env → error reporting (Sentry, only with SENTRY_DSN) → queues → health port. Shutdown: health
 * port → workers → Prisma → Redis → flush error reports, within WORKER_SHUTDOWN_SECONDS.
 */
process.env.SCOOP_SERVICE ??= "worker";

const { env } = await import("@/env");
const { logger } = await import("@/server/logger");
if (env.SENTRY_DSN) {
  const Sentry = await import("@sentry/node");
  const { sentryServerOptions } = await import("@/server/observability/sentry-options");
  Sentry.init(sentryServerOptions("worker"));
}
const { flushErrorReports } = await import("@/server/observability/error-reporting");
const { startWorker } = await import("./worker");
const { startHealthServer } = await import("./health-server");

const running = await startWorker();
const health = env.WORKER_HEALTH_PORT ? await startHealthServer({ port: env.WORKER_HEALTH_PORT }) : null;
logger.info(
  { queues: running.workers.map((w) => w.name), timezone: env.APP_TIMEZONE, healthPort: health?.port ?? null, sentry: !!env.SENTRY_DSN },
  "worker ready",
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "worker shutting down");
  // A close that cannot finish must not hold the process until the platform kills it: BullMQ's worker waits for its
  // blocking connection to end, which after a whole Redis Cluster outage sometimes never comes. Jobs still running
  // come back as stalled and run again; every effect is guarded (outbox keys, state-conditional updates).
  setTimeout(() => {
    logger.error({ seconds: env.WORKER_SHUTDOWN_SECONDS }, "worker shutdown did not finish in time; exiting with jobs or connections still open");
    process.exit(1);
  }, env.WORKER_SHUTDOWN_SECONDS * 1000).unref();
  try {
    await health?.close();
    await running.close();
    await flushErrorReports();
    process.exit(0);
  } catch (err) {
    logger.error({ err }, "worker shutdown failed");
    process.exit(1);
  }
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
// Sentry's own handler (when enabled) reports these; the log line makes them visible without Sentry too.
process.on("unhandledRejection", (err) => logger.error({ err }, "unhandled rejection"));

export {};
