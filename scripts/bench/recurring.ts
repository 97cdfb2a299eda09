/**
 * `npm run bench:recurring`: generation for BENCH_SUBSCRIPTIONS (20 000) due subscriptions on a private throw-away
 * database, measured until the real worker (started here on the `payments` and `notifications` queues) has
 * processed every job's authorization and opened it: the insert alone, then "every generated job OPEN with its
 * money held". A second run (all skip) follows. Beside it, the floor: one raw `INSERT … SELECT` of the same rows.
 * Target: 20 000 in under 5 s on a quiet machine (try BENCH_SUBSCRIPTIONS=100000 for the national-scale run).
 */
import { benchEnvironment } from "./bench-env.ts";

const COUNT = Number(process.env.BENCH_SUBSCRIPTIONS ?? 20_000);
const bench = await benchEnvironment("recurring");
const { db } = await import("../../src/server/db");
const { env } = await import("../../src/env.js");
const { zonedTime } = await import("../../src/lib/schedules");
const { generateDueRecurringJobs } = await import("../../src/server/recurring/generate");
const { closeRedis } = await import("../../src/server/redis");
const { closeQueues } = await import("../../src/server/queues/queues");
const { startWorker } = await import("../../worker/worker");

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

  // The floor: the same number of job rows in one statement, rolled back.
  let t = performance.now();
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO "CleanupJob" (id, "posterId", status, address, lat, lng, "priceCents", "platformFeePercent", "cancellationFeePercent", type, "yardSegments", "expiresAt", "updatedAt")
      SELECT 'floor-' || r.id, r."customerId", 'OPEN', r.address, r.lat, r.lng, r."priceCents", 15, 20, r.type, r."yardSegments", now() + interval '1 day', now() FROM "RecurringCleanup" r`;
    throw new Error("rollback");
  }).catch((err: Error) => {
    if (err.message !== "rollback") throw err;
  });
  const floorMs = performance.now() - t;

  const worker = await startWorker({ queues: ["payments", "notifications"], schedules: false, relay: false });
  const now = zonedTime(serviceDate, "06:00", env.APP_TIMEZONE);
  t = performance.now();
  const first = await generateDueRecurringJobs(db, { now });
  const insertedMs = performance.now() - t;
  // Done when no generated job still waits for its money and each has its authorization booked.
  for (;;) {
    const [waiting, held] = await Promise.all([
      db.cleanupJob.count({ where: { status: "AWAITING_PAYMENT" } }),
      db.payment.count({ where: { status: "AUTHORIZED" } }),
    ]);
    if (waiting === 0 && held >= first.generated) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const firstMs = performance.now() - t;
  const open = await db.cleanupJob.count({ where: { status: "OPEN", recurringId: { not: null } } });
  await worker.close();
  t = performance.now();
  const second = await generateDueRecurringJobs(db, { now });
  const secondMs = performance.now() - t;

  console.log(`recurring generation, ${COUNT} due subscriptions`);
  console.log(`  inserted (jobs + outbox rows, handed to BullMQ): ${(insertedMs / 1000).toFixed(2)} s (generated ${first.generated}, skipped ${first.skipped}, failed ${first.failed})`);
  console.log(`  every job OPEN, authorization processed by the worker: ${(firstMs / 1000).toFixed(2)} s, ${Math.round(first.generated / (firstMs / 1000))} jobs/s (${open} OPEN)`);
  console.log(`  floor (one raw INSERT … SELECT of ${COUNT} rows): ${(floorMs / 1000).toFixed(2)} s; ratio ${(firstMs / floorMs).toFixed(0)}×`);
  console.log(`  second run: ${(secondMs / 1000).toFixed(2)} s (generated ${second.generated}, skipped ${second.skipped}, failed ${second.failed})`);
  console.log(`  target: ${COUNT} open in < 5 s on a quiet machine → ${firstMs < 5_000 ? "met" : "MISSED"}`);
} finally {
  await closeQueues();
  await db.$disconnect();
  await closeRedis();
  await bench.cleanup();
}
