/**
 * `npm run bench:recurring`: the 06:00 generation for 20 000 and 100 000 due subscriptions (BENCH_SUBSCRIPTIONS,
 * comma-separated, to choose) on a private throw-away database, with the ledger and the real worker running — a
 * `worker/index.ts` process started here, as in production — measured until every generated job is OPEN with its
 * authorization booked (each payment AUTHORIZED), its timers queued and its board event published, not just the
 * insert. Per size: the run (jobs, holds, timers, board events), the total, jobs/s, and the floor: one raw
 * `INSERT … SELECT` of the same rows, rolled back, with the ratio. A second run (all skipped) follows each. Where
 * the time goes: the run's phases (reading what is due, the batches' transactions and hand-overs) and the CPU each
 * process spent, beside the load average. Target: 20 000 in under 5 s on a quiet machine; on a shared one compare
 * the ratio to the floor.
 */
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import os from "node:os";
import { benchEnvironment } from "./bench-env.ts";

const SIZES = (process.env.BENCH_SUBSCRIPTIONS ?? "20000,100000").split(",").map((s) => Number(s.trim())).filter((n) => n > 0);
const bench = await benchEnvironment("recurring");
const { startWorkerProcess } = await import("../../src/test/chaos");
const { db } = await import("../../src/server/db");
const { env } = await import("../../src/env.js");
const { zonedTime } = await import("../../src/lib/schedules");
const { toDbDate } = await import("../../src/server/calendar");
const { generateDueRecurringJobs, BATCH_SIZE, BATCHES_IN_FLIGHT } = await import("../../src/server/recurring/generate");
const { closeRedis, getRedis } = await import("../../src/server/redis");
const { closeQueues, getQueue } = await import("../../src/server/queues/queues");

// The whole worker, as deployed (every queue, its relay and schedules); its logs only on failure.
const worker = await startWorkerProcess();
const results: string[] = [];
try {
  const customer = await db.user.create({ data: { email: "bench-customer@example.test", roles: ["CUSTOMER"] } });
  // Each size on its own Tuesday, the previous size's subscriptions cancelled first.
  const dates = ["2031-01-07", "2031-01-14", "2031-01-21", "2031-01-28"];
  for (const [n, count] of SIZES.entries()) {
    const serviceDate = dates[n % dates.length]!;
    const day = toDbDate(serviceDate);
    await db.recurringCleanup.updateMany({ where: { status: "ACTIVE" }, data: { status: "CANCELLED" } });
    const rows = Array.from({ length: count }, (_, i) => ({
      customerId: customer.id,
      frequency: (["WEEKLY", "BIWEEKLY", "MONTHLY"] as const)[i % 3]!,
      firstServiceDate: day,
      priceCents: 1500 + (i % 20) * 50,
      address: `${i} Bench Ave, Brooklyn`,
      lat: 40.6 + (i % 1000) / 10_000,
      lng: -74.0 + Math.floor(i / 1000) / 1000,
      type: "POOP" as const,
      pileEstimate: "PILES_1_3" as const,
      yardSegments: ["N" as const],
    }));
    for (let i = 0; i < rows.length; i += 5000) await db.recurringCleanup.createMany({ data: rows.slice(i, i + 5000) });
    await db.$executeRawUnsafe(`VACUUM ANALYZE "RecurringCleanup"`);

    // The floor: the same number of job rows in one statement, rolled back.
    let t = performance.now();
    await db
      .$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO "CleanupJob" (id, "posterId", status, address, lat, lng, "priceCents", "platformFeePercent", "cancellationFeePercent", type, "yardSegments", "expiresAt", "updatedAt")
          SELECT 'floor-' || r.id, r."customerId", 'OPEN', r.address, r.lat, r.lng, r."priceCents", 15, 20, r.type, r."yardSegments", now() + interval '1 day', now()
          FROM "RecurringCleanup" r WHERE r.status = 'ACTIVE'`;
        throw new Error("rollback");
      }, { timeout: 120_000 })
      .catch((err: Error) => {
        if (err.message !== "rollback") throw err;
      });
    const floorMs = performance.now() - t;

    const now = zonedTime(serviceDate, "06:00", env.APP_TIMEZONE);
    const loadBefore = os.loadavg();
    const cpuBefore = await cpuSample(worker.child.pid!);
    // BENCH_CPU_PROFILE=<dir>: a CPU profile of this process during the run only (not the setup's inserts).
    const profiler = process.env.BENCH_CPU_PROFILE ? new Session() : null;
    if (profiler) {
      profiler.connect();
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.start");
    }
    t = performance.now();
    const first = await generateDueRecurringJobs(db, { now });
    const insertedMs = performance.now() - t;
    if (profiler) {
      const { profile } = await profiler.post("Profiler.stop");
      fs.mkdirSync(process.env.BENCH_CPU_PROFILE!, { recursive: true });
      fs.writeFileSync(`${process.env.BENCH_CPU_PROFILE}/recurring-${count}.cpuprofile`, JSON.stringify(profile));
      profiler.disconnect();
    }
    // Done when none of the day's jobs waits for its money and each has its authorization booked (with the ledger
    // both are true when the run returns; the poll checks it). It looks for one waiting job (through the status
    // index, stopping at the first), and counts the holds (a join over the day's jobs) only once nothing waits.
    for (;;) {
      const waiting = await db.cleanupJob.findFirst({ where: { status: "AWAITING_PAYMENT", serviceDate: day }, select: { id: true } });
      if (!waiting && (await db.payment.count({ where: { status: "AUTHORIZED", job: { serviceDate: day } } })) >= first.generated) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const totalMs = performance.now() - t;
    const cpu = cpuSpent(cpuBefore, await cpuSample(worker.child.pid!));
    const timers = await getQueue("timers").getDelayedCount();
    const open = await db.cleanupJob.count({ where: { serviceDate: day, status: "OPEN" } });
    t = performance.now();
    const second = await generateDueRecurringJobs(db, { now });
    const secondMs = performance.now() - t;

    const { selectMs, insertMs, handOverMs } = first.timings;
    const lines = [
      `recurring generation, ${count} due subscriptions (load average before ${loadavg(loadBefore)}, after ${loadavg(os.loadavg())}, ${os.cpus().length} cores)`,
      `  run returned (jobs, holds, timers, board events): ${(insertedMs / 1000).toFixed(2)} s (generated ${first.generated}, skipped ${first.skipped}, failed ${first.failed})`,
      `    phases: reading what is due ${secs(selectMs)}; batch transactions ${secs(insertMs)} and hand-overs ${secs(handOverMs)} (summed over the batches, ${Math.ceil(count / BATCH_SIZE)} of ${BATCH_SIZE}, ${BATCHES_IN_FLIGHT} at a time)`,
      `  every job OPEN with its authorization booked: ${(totalMs / 1000).toFixed(2)} s, ${Math.round(first.generated / (totalMs / 1000))} jobs/s (${open} OPEN, ${timers} timers queued)`,
      `  CPU spent meanwhile: generation (this process) ${secs(cpu.bench)}, worker ${secs(cpu.worker)}, PostgreSQL backends of this database ${secs(cpu.postgres)}, Redis ${secs(cpu.redis)} (shared with other work)`,
      `  floor (one raw INSERT … SELECT of ${count} rows): ${(floorMs / 1000).toFixed(2)} s; ratio ${(totalMs / floorMs).toFixed(1)}×`,
      `  second run: ${(secondMs / 1000).toFixed(2)} s (generated ${second.generated}, skipped ${second.skipped}, failed ${second.failed})`,
      ...(count === 20_000 ? [`  target: 20000 open in < 5 s on a quiet machine → ${totalMs < 5_000 ? "met" : "MISSED (compare the ratio on a busy machine)"}`] : []),
    ];
    console.log(lines.join("\n"));
    results.push(...lines);
  }
} catch (err) {
  console.error(worker.output().slice(-4000));
  throw err;
} finally {
  await worker.stop();
  await closeQueues();
  await db.$disconnect();
  await closeRedis();
  await bench.cleanup();
}

type CpuSample = { bench: number; worker: number; postgres: Map<number, number>; redis: number };

/**
 * CPU time so far (ms): this process, the worker's process group, each PostgreSQL backend serving this database
 * (Linux /proc), and the Redis server (its INFO; other work on the same Redis counts too).
 */
async function cpuSample(workerPid: number): Promise<CpuSample> {
  const { user, system } = process.cpuUsage();
  const backends = await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`;
  const worker = procStats().filter((p) => p.pgrp === workerPid).reduce((a, p) => a + p.cpuMs, 0);
  const byPid = new Map(procStats().map((p) => [p.pid, p.cpuMs]));
  const info = await getRedis().info("cpu");
  const redis = ["used_cpu_user", "used_cpu_sys"].reduce((a, k) => a + Number(new RegExp(`^${k}:([\\d.]+)`, "m").exec(info)?.[1] ?? 0) * 1000, 0);
  return { bench: (user + system) / 1000, worker, postgres: new Map(backends.map((b) => [b.pid, byPid.get(b.pid) ?? 0])), redis };
}

function cpuSpent(before: CpuSample, after: CpuSample) {
  let postgres = 0;
  for (const [pid, ms] of after.postgres) postgres += ms - (before.postgres.get(pid) ?? 0);
  return { bench: after.bench - before.bench, worker: after.worker - before.worker, postgres, redis: after.redis - before.redis };
}

function procStats(): { pid: number; pgrp: number; cpuMs: number }[] {
  if (!fs.existsSync("/proc/self/stat")) return [];
  return fs.readdirSync("/proc").flatMap((pid) => {
    if (!/^\d+$/.test(pid)) return [];
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // Fields after the name: state, ppid, pgrp, …; utime and stime are the 14th and 15th of the line, in 1/100 s.
      return [{ pid: Number(pid), pgrp: Number(fields[2]), cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 }];
    } catch {
      return [];
    }
  });
}

function secs(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function loadavg(l: number[]): string {
  return l.map((x) => x.toFixed(2)).join(" ");
}
