/** The worker process: `npm run worker` (production) or `npm run dev` (watch mode). */
process.env.SCOOP_SERVICE ??= "worker";

const { env } = await import("@/env");
const { logger } = await import("@/server/logger");
const { startWorker } = await import("./worker");

const running = await startWorker();
logger.info({ queues: running.workers.map((w) => w.name), timezone: env.APP_TIMEZONE }, "worker ready");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "worker shutting down");
  try {
    await running.close();
    process.exit(0);
  } catch (err) {
    logger.error({ err }, "worker shutdown failed");
    process.exit(1);
  }
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("unhandledRejection", (err) => logger.error({ err }, "unhandled rejection"));

export {};
