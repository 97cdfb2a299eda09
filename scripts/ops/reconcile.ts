/**
 * `npm run ops:reconcile [-- --minutes N] [--days D]`: lists jobs whose state and payment disagree, side effects
 * that are stuck (PENDING longer than N minutes, default OUTBOX_STUCK_MINUTES, or DEAD) and — with Stripe
 * configured — every difference between Stripe's records of the last D days (default 3) and the database, as JSON;
 * exits 1 when it finds any. The nightly Render cron runs it (render.yaml), so a silent loss shows up as a failed
 * cron run.
 */
import "dotenv/config";

process.env.SCOOP_SERVICE ??= "ops";
const { env } = await import("../../src/env.js");
const { db } = await import("../../src/server/db.ts");
const { reconcile } = await import("../../src/server/ops/reconcile.ts");
const { getStripe } = await import("../../src/server/payments/stripe/client.ts");

const flag = process.argv.indexOf("--minutes");
const settleMinutes = flag > 0 ? Number(process.argv[flag + 1]) : env.OUTBOX_STUCK_MINUTES;
if (!Number.isFinite(settleMinutes) || settleMinutes < 0) {
  console.error("usage: npm run ops:reconcile [-- --minutes N]");
  process.exit(2);
}
const daysFlag = process.argv.indexOf("--days");
const stripeDays = daysFlag > 0 ? Number(process.argv[daysFlag + 1]) : 3;
if (!Number.isFinite(stripeDays) || stripeDays <= 0) {
  console.error("usage: npm run ops:reconcile [-- --minutes N] [--days D]");
  process.exit(2);
}
const report = await reconcile(db, { settleMinutes, stripeDays, ...(env.STRIPE_SECRET_KEY ? { stripe: getStripe() } : {}) });
await db.$disconnect();
console.log(JSON.stringify(report, null, 2));
console.log(
  `checked ${report.checkedJobs} jobs: ${report.mismatches.length} state/payment mismatches, ${report.stuck.length} stuck side effects` +
    (env.STRIPE_SECRET_KEY ? `, ${report.stripe.length} differences with Stripe` : ""),
);
process.exit(report.ok ? 0 : 1);
