/**
 * `npm run recurring:generate`: runs today's recurring generation once (the same function as the worker's
 * daily schedule and the HTTP cron endpoint; safe to run any number of times). Exits 1 if any subscription failed.
 * `--backstop` (render.yaml's hourly cron): does nothing before today's RECURRING_GENERATION_TIME in APP_TIMEZONE,
 * so a cron in UTC never posts a day's jobs earlier than the time customers were told, whatever the zone and time.
 * Its log lines say `"service":"cli"`. The report is written after the logger has flushed, with synchronous
 * writes, so `generated N, skipped M, failed K` is always the last line (cron logs and scripts read it there).
 */
import "dotenv/config";
import fs from "node:fs";

process.env.SCOOP_SERVICE ??= "cli";
const { db } = await import("../src/server/db");
const { logger } = await import("../src/server/logger");
const { generateDueRecurringJobs } = await import("../src/server/recurring/generate");
const { closeRedis } = await import("../src/server/redis");
const { closeQueues } = await import("../src/server/queues/queues");
const { generationTimeReached } = await import("../src/server/calendar");
const { env } = await import("../src/env");

// Nothing has connected yet (the database and Redis clients connect on first use): nothing to close.
if (process.argv.includes("--backstop") && !generationTimeReached()) {
  fs.writeSync(1, `not yet: today's jobs are generated at ${env.RECURRING_GENERATION_TIME} ${env.APP_TIMEZONE}\n`);
  process.exit(0);
}

const summary = await generateDueRecurringJobs(db);
await Promise.all([db.$disconnect(), closeQueues()]);
await closeRedis();
await new Promise<void>((resolve) => logger.flush(() => resolve()));
for (const f of summary.failures) fs.writeSync(2, `failed subscription ${f.subscriptionId}: ${f.error}\n`);
const lines = summary.jobs.map((job) => `generated job ${job.jobId} for subscription ${job.subscriptionId} (${summary.serviceDate})\n`);
if (summary.skippedByCustomer > 0) lines.push(`skipped by customer: ${summary.skippedByCustomer}\n`);
fs.writeSync(1, `${lines.join("")}generated ${summary.generated}, skipped ${summary.skipped}, failed ${summary.failed}\n`);
process.exit(summary.failed > 0 ? 1 : 0);
