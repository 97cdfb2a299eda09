/**
 * `npm run bench:recurring`: generation for 20 000 due subscriptions (first run: all generate; second run:
 * all skip), on a private throw-away database. Target: first run under 30 s on a 2-core machine.
 */
import { benchEnvironment } from "./bench-env.ts";

const COUNT = Number(process.env.BENCH_SUBSCRIPTIONS ?? 20_000);
const bench = await benchEnvironment("recurring");
const { db } = await import("../../src/server/db");
const { env } = await import("../../src/env.js");
const { zonedTime } = await import("../../src/lib/schedules");
const { generateDueRecurringJobs } = await import("../../src/server/recurring/generate");
const { closeRedis } = await import("../../src/server/redis");

try {
  const serviceDate = "2031-01-07";
  const customer = await db.user.create({ data: { email: "bench-customer@example.test", roles: ["CUSTOMER"] } });
  const rows = Array.from({ length: COUNT }, (_, i) => ({
    customerId: customer.id,
    frequency: (["WEEKLY", "BIWEEKLY", "MONTHLY"] as const)[i % 3]!,
    firstServiceDate: new Date(`${serviceDate}T00:00:00Z`),
    priceCents: 1500 + (i % 20) * 50,
    address: `${i} Bench Ave, Brooklyn`,
    lat: 40.6 + (i % 1000) / 10_000,
    lng: -74.0 + Math.floor(i / 1000) / 1000,
    type: "POOP" as const,
    pileEstimate: "PILES_1_3" as const,
    yardSegments: ["N" as const],
  }));
  for (let i = 0; i < rows.length; i += 5000) await db.recurringCleanup.createMany({ data: rows.slice(i, i + 5000) });

  const now = zonedTime(serviceDate, "06:00", env.APP_TIMEZONE);
  let t = performance.now();
  const first = await generateDueRecurringJobs(db, { now });
  const firstMs = performance.now() - t;
  t = performance.now();
  const second = await generateDueRecurringJobs(db, { now });
  const secondMs = performance.now() - t;

  console.log(`recurring generation, ${COUNT} due subscriptions`);
  console.log(`  first run:  ${(firstMs / 1000).toFixed(2)} s, ${Math.round(first.generated / (firstMs / 1000))} jobs/s (generated ${first.generated}, skipped ${first.skipped}, failed ${first.failed})`);
  console.log(`  second run: ${(secondMs / 1000).toFixed(2)} s (generated ${second.generated}, skipped ${second.skipped}, failed ${second.failed})`);
  console.log(`  target: first run < 30 s → ${firstMs < 30_000 ? "met" : "MISSED"}`);
} finally {
  await db.$disconnect();
  await closeRedis();
  await bench.cleanup();
}
