/**
 * `npm run bench:recurring`: the 06:00 generation for 20 000 and 100 000 due subscriptions (BENCH_SUBSCRIPTIONS,
 * comma-separated, to choose) on a private throw-away database, measured until every generated job is OPEN with
 * its authorization processed by the real worker — a `worker/index.ts` process started here, as in production —
 * not just the insert. Per size: the insert (jobs + outbox rows, handed to BullMQ), the total, jobs/s, and the
 * floor: one raw `INSERT … SELECT` of the same rows, rolled back, with the ratio. A second run (all skipped)
 * follows each. Where the time goes: the run's phases (reading what is due, the batches' inserts and hand-overs)
 * and the worker's per-batch times (its `generated batch funded` log lines), beside the load average. Target: 20 000 in under 5 s on a quiet machine; on a shared one compare the ratio to the floor.
 */
import fs from "node:fs";
import os from "node:os";
import { benchEnvironment } from "./bench-env.ts";

const SIZES = (process.env.BENCH_SUBSCRIPTIONS ?? "20000,100000").split(",").map((s) => Number(s.trim())).filter((n) => n > 0);
const bench = await benchEnvironment("recurring");
const { startWorkerProcess } = await import("../../src/test/chaos");
const { db } = await import("../../src/server/db");
const { env } = await import("../../src/env.js");
const { zonedTime } = await import("../../src/lib/schedules");
const { toDbDate } = await import("../../src/server/calendar");
const { generateDueRecurringJobs } = await import("../../src/server/recurring/generate");
const { closeRedis, getRedis } = await import("../../src/server/redis");
const { closeQueues } = await import("../../src/server/queues/queues");

// The whole worker, as deployed (every queue, its relay and schedules); its logs only on failure.
const worker = await startWorkerProcess({ LOG_LEVEL: "info" });
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
    const logFrom = worker.output().length;
    const loadBefore = os.loadavg();
    const cpuBefore = await cpuSample(worker.child.pid!);
    t = performance.now();
    const startedAt = Date.now();
    const first = await generateDueRecurringJobs(db, { now });
    const insertedMs = performance.now() - t;
    // Done when none of the day's jobs still waits for its money and each has its authorization booked. The poll
    // stays light so it does not slow what it measures: it looks for one waiting job (through the status index,
    // stopping at the first), and counts the holds (a join over the day's jobs) only once nothing waits.
    for (;;) {
      const waiting = await db.cleanupJob.findFirst({ where: { status: "AWAITING_PAYMENT", serviceDate: day }, select: { id: true } });
      if (!waiting && (await db.payment.count({ where: { status: "AUTHORIZED", job: { serviceDate: day } } })) >= first.generated) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const totalMs = performance.now() - t;
    // The worker logs a batch after announcing it, which may end after the jobs are OPEN: wait (unmeasured, up to
    // 10 s) for every batch's line so the profile covers them all.
    for (let i = 0; i < 200 && batchLines(worker.output().slice(logFrom)).reduce((n, b) => n + b.opened + b.individually, 0) < first.generated; i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const funding = fundingProfile(worker.output().slice(logFrom), startedAt);
    const cpu = cpuSpent(cpuBefore, await cpuSample(worker.child.pid!));
    const open = await db.cleanupJob.count({ where: { serviceDate: day, status: "OPEN" } });
    t = performance.now();
    const second = await generateDueRecurringJobs(db, { now });
    const secondMs = performance.now() - t;

    const { selectMs, insertMs, handOverMs } = first.timings;
    const lines = [
      `recurring generation, ${count} due subscriptions (load average before ${loadavg(loadBefore)}, after ${loadavg(os.loadavg())}, ${os.cpus().length} cores)`,
      `  inserted (jobs + outbox rows, handed to BullMQ): ${(insertedMs / 1000).toFixed(2)} s (generated ${first.generated}, skipped ${first.skipped}, failed ${first.failed})`,
      `    phases: reading what is due ${secs(selectMs)}; batch inserts ${secs(insertMs)} and hand-overs ${secs(handOverMs)} (summed over the batches, ${Math.ceil(count / 500)} of them, 2 at a time)`,
      `  worker funding: ${funding}`,
      `  every job OPEN, authorization processed by the worker: ${(totalMs / 1000).toFixed(2)} s, ${Math.round(first.generated / (totalMs / 1000))} jobs/s (${open} OPEN)`,
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

type Steps = { lockMs?: number; holdMs?: number; openMs?: number; noticesMs?: number };

/** The worker's own per-batch figures (fund-generated.ts logs one line per batch, timed): where its time went. */
type BatchLine = { time: number; jobs: number; opened: number; individually: number; readMs: number; fundMs: number; announceMs: number } & Steps;

function batchLines(log: string): BatchLine[] {
  return log
    .split("\n")
    .filter((line) => line.includes('"msg":"generated batch funded"'))
    .map((line) => JSON.parse(line) as BatchLine);
}

function fundingProfile(log: string, startedAt: number): string {
  const batches = batchLines(log);
  if (batches.length === 0) return "no batch lines in the worker's log";
  const sum = (f: (b: (typeof batches)[number]) => number) => batches.reduce((a, b) => a + f(b), 0);
  const max = (f: (b: (typeof batches)[number]) => number) => Math.max(...batches.map(f));
  const times = batches.map((b) => b.time - startedAt);
  // Rows the relay found still PENDING after its grace period and queued one by one (each then funded on its own).
  const relayed = log
    .split("\n")
    .filter((line) => line.includes('"msg":"outbox relay re-queued lost side effects"'))
    .reduce((n, line) => n + ((JSON.parse(line) as { requeued?: number }).requeued ?? 0), 0);
  return (
    `first batch funded at ${secs(Math.min(...times))}, last at ${secs(Math.max(...times))}; ${batches.length} batches (${sum((b) => b.opened)} opened in batch, ${sum((b) => b.individually)} one by one); per batch mean/max: ` +
    `read ${Math.round(sum((b) => b.readMs) / batches.length)}/${max((b) => b.readMs)} ms, ` +
    `funding transaction ${Math.round(sum((b) => b.fundMs) / batches.length)}/${max((b) => b.fundMs)} ms ` +
    `(${(["lockMs", "holdMs", "openMs", "noticesMs"] as const).map((k) => `${k.slice(0, -2)} ${Math.round(sum((b) => b[k] ?? 0) / batches.length)}`).join(", ")}, rest commit and waits), ` +
    `timers + board event ${Math.round(sum((b) => b.announceMs) / batches.length)}/${max((b) => b.announceMs)} ms; relay re-queued ${relayed} rows`
  );
}
