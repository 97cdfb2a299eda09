/**
 * `npm run bench:claims`: claims per second through the real HTTP API — the handler production runs for /api/trpc
 * (src/server/api/trpc-http.ts: the web server answers tRPC there before Next), with its router, context, session
 * cookie check, rate limits and claim service, served by src/test/realtime-instance.ts (the web server's per-request
 * header policy and Next's start-up left out) —
 * with BENCH_CONCURRENCY (10) signed-in scoopers claiming distinct jobs at once, beside a floor in the same run:
 * a bare Node `http` endpoint doing only the raw conditional UPDATE (scripts/bench/raw-claim-server.ts) at the
 * same concurrency. A second floor, the rules floor (scripts/bench/rules-claim-server.ts), is a bare `http` endpoint
 * doing the claim's own SQL (the session's read and `claimInDatabase`) with no tRPC, rate limit or Redis, for other
 * scoopers on their own jobs: what is left of the gap once the rules' database work is counted.
 * Prints claims/s, p50/p95/p99 latency of each and the ratios (target ≥ 40% of the floor), with the
 * CPU the serving process spent per claim and, in brackets, the whole machine's (clients, server, PostgreSQL, Redis)
 * with PostgreSQL's and Redis's shares: on a machine the claims saturate, the rate is the cores divided by the
 * machine's CPU per claim.
 * Each scooper may hold every job it claims here (MAX_ACTIVE_CLAIMS raised for the run, the count still runs);
 * the claim rate limit is raised too. Private database and Redis prefix, dropped at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import { BENCH_SCOOPER_PROFILE, benchEnvironment, percentile } from "./bench-env.ts";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const PER_CLIENT = Number(process.env.BENCH_CLAIMS_PER_CLIENT ?? 200);
const WARMUP = 20;
// The floor claims for the same scoopers, so its rows count toward their active claims too.
process.env.MAX_ACTIVE_CLAIMS = String(2 * (PER_CLIENT + WARMUP) + 10);
process.env.RATE_LIMIT_CLAIM = "1000000/1";
process.env.NEXTAUTH_SECRET ??= crypto.randomBytes(32).toString("hex");
const bench = await benchEnvironment("claims");
const { db } = await import("../../src/server/db");
const { encode } = await import("next-auth/jwt");
const { env } = await import("../../src/env");

function startProcess(script: string): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir=" + process.env.BENCH_PROFILE] : []), "--import", "tsx", script], { env: process.env, stdio: ["ignore", "pipe", "inherit"] });
    child.stdout!.on("data", (buf: Buffer) => {
      const match = /ready (\d+)/.exec(buf.toString());
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function post(port: number, path: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method: "POST", agent, headers: { "content-type": "application/json", ...headers } }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** `rules`: the same client's own scooper and jobs for the rules floor (so no scooper's claims pile up faster). */
type Client = { scooperId: string; cookie: string; ip: string; jobs: string[]; rules: { scooperId: string; sid: string; jobs: string[] } };

/** CPU seconds (user + system) a child process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command name.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Busy CPU milliseconds of the whole machine so far (every core, every process: the clients, the server, PostgreSQL, Redis). */
function machineBusyMs(): number {
  return os.cpus().reduce((sum, cpu) => sum + cpu.times.user + cpu.times.nice + cpu.times.sys + cpu.times.irq, 0);
}

/** CPU milliseconds so far of every process named `name` (its command), by pid, from /proc (Linux). */
function cpuMsByPid(name: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== name) continue;
      out.set(Number(entry), cpuSeconds(Number(entry)) * 1000);
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** CPU milliseconds the processes named `name` spent since `before` (a process started meanwhile counts whole). */
function cpuMsSince(name: string, before: Map<number, number>): number {
  let total = 0;
  for (const [pid, ms] of cpuMsByPid(name)) total += ms - (before.get(pid) ?? 0);
  return total;
}

/**
 * Runs every client's claims, CONCURRENCY at a time (one in flight per client); returns latencies, rate and the
 * CPU the serving process spent per claim (less noisy than the rate on a shared machine).
 */
async function run(clients: Client[], claim: (c: Client, jobId: string) => Promise<number>, from: number, count: number, pid?: number, jobsOf = (c: Client) => c.jobs) {
  const latencies: number[] = [];
  let failures = 0;
  const cpuBefore = pid ? cpuSeconds(pid) : 0;
  const machineBefore = machineBusyMs();
  const postgresBefore = cpuMsByPid("postgres");
  const redisBefore = cpuMsByPid("redis-server");
  const start = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (const jobId of jobsOf(client).slice(from, from + count)) {
        const t0 = performance.now();
        const status = await claim(client, jobId);
        latencies.push(performance.now() - t0);
        if (status !== 200) failures++;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const cpuMsPerClaim = pid ? ((cpuSeconds(pid) - cpuBefore) * 1000) / latencies.length : NaN;
  const machineMsPerClaim = (machineBusyMs() - machineBefore) / latencies.length;
  const postgresMsPerClaim = cpuMsSince("postgres", postgresBefore) / latencies.length;
  const redisMsPerClaim = cpuMsSince("redis-server", redisBefore) / latencies.length;
  return { rate: latencies.length / seconds, sorted: latencies.sort((a, b) => a - b), failures, cpuMsPerClaim, machineMsPerClaim, postgresMsPerClaim, redisMsPerClaim };
}

type RunResult = Awaited<ReturnType<typeof run>>;

/** Two halves of one server's run, measured either side of Scoop's. */
function merged(a: RunResult, b: RunResult): RunResult {
  const mean = (f: (r: RunResult) => number) => (f(a) + f(b)) / 2;
  return {
    rate: mean((r) => r.rate),
    sorted: [...a.sorted, ...b.sorted].sort((x, y) => x - y),
    failures: a.failures + b.failures,
    cpuMsPerClaim: mean((r) => r.cpuMsPerClaim),
    machineMsPerClaim: mean((r) => r.machineMsPerClaim),
    postgresMsPerClaim: mean((r) => r.postgresMsPerClaim),
    redisMsPerClaim: mean((r) => r.redisMsPerClaim),
  };
}

function line(label: string, r: RunResult) {
  const p = (q: number) => percentile(r.sorted, q).toFixed(1);
  console.log(
    `  ${label.padEnd(34)} ${r.rate.toFixed(0).padStart(6)} claims/s  p50 ${p(50)} ms  p95 ${p(95)} ms  p99 ${p(99)} ms  CPU ${r.cpuMsPerClaim.toFixed(2)} ms/claim` +
      ` (machine ${r.machineMsPerClaim.toFixed(2)}: PostgreSQL ${r.postgresMsPerClaim.toFixed(2)}, Redis ${r.redisMsPerClaim.toFixed(2)})  (n=${r.sorted.length}, failed ${r.failures})`,
  );
}

const loadAverage = () => os.loadavg().map((l) => l.toFixed(2)).join(", ");

const children: ChildProcess[] = [];
try {
  const poster = await db.user.create({ data: { email: "bench-poster@example.test", roles: ["CUSTOMER"] } });
  const perClient = 2 * (PER_CLIENT + WARMUP); // half for Scoop, half for the floor
  async function scooperWithJobs(name: string, count: number, lng: number) {
    const scooper = await db.user.create({ data: { email: `bench-${name}@example.test`, roles: ["SCOOPER"], scooperProfile: { create: BENCH_SCOOPER_PROFILE } } });
    await db.cleanupJob.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        posterId: poster.id, address: `${i} Bench St, Brooklyn`, lat: 40.6 + (i % 50) / 500, lng, priceCents: 1500,
        platformFeePercent: 15, cancellationFeePercent: 20, type: "POOP" as const, pileEstimate: "PILES_1_3" as const, yardSegments: ["N" as const],
        expiresAt: new Date(Date.now() + 86_400_000), publicNotes: `${name}-${String(i).padStart(5, "0")}`,
      })),
    });
    const jobs = await db.cleanupJob.findMany({ where: { publicNotes: { startsWith: `${name}-` } }, select: { id: true }, orderBy: { publicNotes: "asc" } });
    return { scooperId: scooper.id, jobs: jobs.map((j) => j.id) };
  }
  const clients: Client[] = [];
  for (let c = 0; c < CONCURRENCY; c++) {
    const own = await scooperWithJobs(`scooper-${c}`, perClient, -74.0 + c / 100);
    const rules = await scooperWithJobs(`rules-scooper-${c}`, PER_CLIENT + WARMUP, -73.9 + c / 100);
    const cookie = `next-auth.session-token=${await encode({ token: { uid: own.scooperId, sv: 0, sid: crypto.randomUUID() }, secret: env.NEXTAUTH_SECRET })}`;
    clients.push({ ...own, cookie, ip: `10.0.0.${c + 1}`, rules: { ...rules, sid: crypto.randomUUID() } });
  }
  await db.$disconnect();

  const scoop = await startProcess("src/test/realtime-instance.ts");
  children.push(scoop.child);
  const floor = await startProcess("scripts/bench/raw-claim-server.ts");
  children.push(floor.child);
  const rulesFloor = await startProcess("scripts/bench/rules-claim-server.ts");
  children.push(rulesFloor.child);

  const viaScoop = async (c: Client, jobId: string) => {
    const res = await post(scoop.port, "/api/trpc/jobs.claim", JSON.stringify({ json: { jobId } }), { cookie: c.cookie, "x-scoop-client-ip": c.ip });
    if (res.status !== 200 && process.env.BENCH_DEBUG) console.error(res.body);
    return res.status;
  };
  const viaFloor = async (c: Client, jobId: string) => (await post(floor.port, "/claim", JSON.stringify({ jobId, scooperId: c.scooperId }), {})).status;
  const viaRules = async (c: Client, jobId: string) => (await post(rulesFloor.port, "/claim", JSON.stringify({ jobId, scooperId: c.rules.scooperId, sid: c.rules.sid }), {})).status;
  const rulesJobs = (c: Client) => c.rules.jobs;

  // Warm all three (JIT, connection pools), then measure the floors in halves around Scoop (the machine is shared).
  const half = PER_CLIENT + WARMUP;
  await run(clients, viaFloor, half, WARMUP);
  await run(clients, viaRules, 0, WARMUP, undefined, rulesJobs);
  await run(clients, viaScoop, 0, WARMUP);
  const loadBefore = loadAverage();
  const floorA = await run(clients, viaFloor, half + WARMUP, PER_CLIENT / 2, floor.child.pid);
  const rulesA = await run(clients, viaRules, WARMUP, PER_CLIENT / 2, rulesFloor.child.pid, rulesJobs);
  const scoopRun = await run(clients, viaScoop, WARMUP, PER_CLIENT, scoop.child.pid);
  const rulesB = await run(clients, viaRules, WARMUP + PER_CLIENT / 2, PER_CLIENT / 2, rulesFloor.child.pid, rulesJobs);
  const floorB = await run(clients, viaFloor, half + WARMUP + PER_CLIENT / 2, PER_CLIENT / 2, floor.child.pid);
  const floorRun = merged(floorA, floorB);
  const rulesRun = merged(rulesA, rulesB);

  // A refused claim is cheaper than a real one: a run with refusals measures the wrong thing.
  const failures = scoopRun.failures + floorRun.failures + rulesRun.failures;
  if (failures > 0) throw new Error(`claims failed (Scoop ${scoopRun.failures}, floor ${floorRun.failures}, rules floor ${rulesRun.failures}); rerun with BENCH_DEBUG=1 to see why`);
  console.log(`\nClaims through the HTTP API, ${CONCURRENCY} concurrent signed-in scoopers on distinct jobs:`);
  line("Scoop (tRPC jobs.claim over HTTP)", scoopRun);
  line("floor (bare http + raw UPDATE)", floorRun);
  line("rules floor (bare http + claim SQL)", rulesRun);
  console.log(`  ratio: ${((scoopRun.rate / floorRun.rate) * 100).toFixed(0)}% of the floor (target ≥ 40%); ${((scoopRun.rate / rulesRun.rate) * 100).toFixed(0)}% of the rules floor`);
  console.log(`  load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAverage()} on ${os.availableParallelism()} cores`);
} finally {
  await Promise.all(children.map((child) => child.exitCode === null && new Promise((r) => (child.once("exit", r), child.kill("SIGTERM")))));
  agent.destroy();
  await bench.cleanup();
}
