/**
 * `npm run recurring:generate`: runs today's recurring generation once (the same function as the worker's
 * 06:00 schedule and the HTTP cron endpoint; safe to run any number of times). Exits 1 if any subscription failed.
 */
import "dotenv/config";

const { db } = await import("../src/server/db");
const { generateDueRecurringJobs } = await import("../src/server/recurring/generate");
const { closeRedis } = await import("../src/server/redis");
const { closeQueues } = await import("../src/server/queues/queues");

const summary = await generateDueRecurringJobs(db);
for (const job of summary.jobs) console.log(`generated job ${job.jobId} for subscription ${job.subscriptionId} (${summary.serviceDate})`);
for (const f of summary.failures) console.error(`failed subscription ${f.subscriptionId}: ${f.error}`);
console.log(`generated ${summary.generated}, skipped ${summary.skipped}, failed ${summary.failed}`);
await Promise.all([db.$disconnect(), closeQueues()]);
await closeRedis();
process.exit(summary.failed > 0 ? 1 : 0);
