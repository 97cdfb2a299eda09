/**
 * `npm run ops:check-ready`: the readiness report (the same as GET /api/health/ready) as JSON, exiting 1 when
 * the app is not ready. The nightly Render cron runs it so a silent outage (worker down, queue backing up)
 * shows up as a failed cron run.
 */
import "dotenv/config";

process.env.SCOOP_SERVICE ??= "ops";
const { checkReadiness } = await import("../../src/server/system/health.ts");
const { db } = await import("../../src/server/db.ts");
const { closeQueues } = await import("../../src/server/queues/queues.ts");
const { closeRedis } = await import("../../src/server/redis.ts");

const report = await checkReadiness();
console.log(JSON.stringify(report, null, 2));
await closeQueues();
await closeRedis();
await db.$disconnect();
process.exit(report.ok ? 0 : 1);
