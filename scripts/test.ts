/**
 * `npm test`: every check CI runs, in order: typecheck and lint side by side, migration drift, unit, integration
 * (with the e2e production build running beside it), e2e (then the production-shaped e2e on the same build), then
 * every benchmark script at toy sizes (benchSmoke). `npm run test:int` / `test:e2e` / `test:e2e-production` /
 * `test:bench` run one kind (tsx scripts/test.ts int|e2e|e2e-production|bench).
 *
 * Services: PostgreSQL from TEST_DATABASE_URL or DATABASE_URL (used only to create throw-away databases),
 * else the local server on 127.0.0.1:5432 when it answers, else an embedded PostgreSQL in a temp folder.
 * Redis from REDIS_URL, else 127.0.0.1:6379 when it answers, else a private redis-server on a free port.
 * Every run and every test file uses its own databases and Redis key prefix, so runs never collide.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "./db/schema-engine.ts";
import { renderSharedEnv } from "./lib/render-env.ts";
import {
  createDatabase,
  deleteRedisPrefix,
  dropDatabase,
  freePort,
  postgresAnswers,
  redisAnswers,
  startEmbeddedPostgres,
  startLocalRedis,
  type Service,
} from "./lib/services.ts";

// "e2e-production": only the production-shaped run, on the build the last e2e run left in .next (no `next build`).
const only = process.argv[2] as "int" | "e2e" | "e2e-production" | "bench" | undefined;
// `npm run test:e2e -- e2e/field.spec.ts …`: only those specs, and no production-shaped run after them.
// E2E_REUSE_BUILD=1 skips `next build` when .next holds a build (a developer's loop; CI always builds).
const specs = process.argv.slice(3);
const reuseBuild = process.env.E2E_REUSE_BUILD === "1" && fs.existsSync(".next/BUILD_ID");
const runId = crypto.randomBytes(4).toString("hex");
const resultsDir = path.resolve(".data/test-results");
fs.mkdirSync(resultsDir, { recursive: true });
const services: Service[] = [];
const totals = { passed: 0, failed: 0 };
const timings: string[] = [];

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", env });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function step(name: string, fn: () => Promise<number>): Promise<void> {
  const started = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const code = await fn();
  timings.push(`${name} ${((Date.now() - started) / 1000).toFixed(1)}s`);
  if (code !== 0) throw new Error(`${name} failed (exit ${code})`);
}

async function postgresServer(): Promise<string> {
  const configured = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (configured) return configured;
  const local = "postgresql://postgres@127.0.0.1:5432/postgres";
  if (await postgresAnswers(local)) return local;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scoop-pg-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), persistent: false });
  services.push({ url: server.url, stop: async () => (await server.stop(), fs.rmSync(dir, { recursive: true, force: true })) });
  console.log("[test] started an embedded PostgreSQL");
  return server.url;
}

async function redisServer(): Promise<string> {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  const local = "redis://127.0.0.1:6379";
  if (await redisAnswers(local)) return local;
  const server = await startLocalRedis({ port: await freePort() });
  services.push(server);
  console.log("[test] started a private redis-server");
  return server.url;
}

function readVitestCounts(file: string) {
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number };
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
}

async function vitest(project: "unit" | "int", env: NodeJS.ProcessEnv): Promise<number> {
  const out = path.join(resultsDir, `vitest-${project}.json`);
  fs.rmSync(out, { force: true });
  const code = await run("npx", ["vitest", "run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${out}`], env);
  if (fs.existsSync(out)) readVitestCounts(out);
  return code;
}

/**
 * `next build` started early, beside the integration tests (the build is CPU-bound, the integration tests mostly
 * wait on PostgreSQL, Redis and their worker processes) at the lowest CPU priority (`nice -n 19`), its output kept
 * in a file and printed when it is awaited.
 * It gets the prepared e2e environment (prepareE2e), as a build run by e2e() itself would.
 */
function startBuild(env: NodeJS.ProcessEnv): Promise<number> {
  const log = path.join(resultsDir, "next-build.log");
  const started = Date.now();
  const out = fs.openSync(log, "w");
  // At the lowest CPU priority: the integration tests (some CPU-bound by design, like bcrypt checks) come first and
  // the build takes the cycles they leave.
  const child = spawn("nice", ["-n", "19", "npx", "next", "build"], { stdio: ["ignore", out, out], env });
  return new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      fs.closeSync(out);
      console.log(`\n━━ next build (${((Date.now() - started) / 1000).toFixed(1)}s, beside the integration tests) ━━`);
      process.stdout.write(fs.readFileSync(log, "utf8"));
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** The e2e run's database (migrated and seeded), Redis prefix, ports and settings; a number is a failed seed. */
async function prepareE2e(pgServer: string, redisUrl: string): Promise<NodeJS.ProcessEnv | number> {
  const dbName = `scoop_e2e_${runId}`;
  const databaseUrl = await createDatabase(pgServer, dbName);
  services.push({ url: databaseUrl, stop: () => dropDatabase(pgServer, dbName) });
  await applyMigrations(databaseUrl);
  const redisPrefix = `scoop-e2e-${runId}`;
  services.push({ url: redisUrl, stop: () => deleteRedisPrefix(redisUrl, redisPrefix) });
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    APP_URL: `http://127.0.0.1:${port}`,
    E2E_PORT: String(port),
    // A free port, so parallel runs on one machine never fight over the worker's default health port.
    WORKER_HEALTH_PORT: String(await freePort()),
    NEXT_PUBLIC_MAP_TILE_URL: "/api/tiles/{z}/{x}/{y}",
    LOG_LEVEL: "warn",
    ALLOW_DEMO_SEED: "1",
    // The production build serves /dev/mailbox so the tests can read the emails it "sends".
    DEV_MAILBOX_ENABLED: "1",
    // One machine: web and worker share .data/uploads (production otherwise requires object storage).
    STORAGE_SHARED_DISK: "1",
    // Issue 20: the specs play the one trusted proxy, sending each person's address in X-Forwarded-For.
    TRUST_PROXY_HOPS: "1",
    NEXTAUTH_SECRET: `e2e-secret-${runId}-${crypto.randomBytes(16).toString("hex")}`,
  };
  const code = await run("npx", ["tsx", "prisma/seed.ts"], env);
  return code === 0 ? env : code;
}

async function e2e(env: NodeJS.ProcessEnv, build?: Promise<number>): Promise<number> {
  let code = 0;
  if (build) code = await build;
  else if (!reuseBuild) code = await run("npx", ["next", "build"], env);
  if (code !== 0) return code;
  const out = path.join(resultsDir, "playwright.json");
  fs.rmSync(out, { force: true });
  code = await run("npx", ["playwright", "test", "--reporter=list,json", ...specs], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  readPlaywrightCounts(out);
  if (specs.length) return code;
  const shaped = await productionShaped(env);
  return code || shaped;
}

function readPlaywrightCounts(out: string) {
  if (!fs.existsSync(out)) return;
  const stats = (JSON.parse(fs.readFileSync(out, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } }).stats;
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
}

/**
 * The production-shaped run (playwright.production-shape.config.ts) on the build e2e() just made: two web
 * instances and a worker with a storage folder each (no shared disk: only object storage works), photos in
 * s3rver, render.yaml's scoop-shared values with non-default timers and fees on top.
 */
async function productionShaped(e2eEnv: NodeJS.ProcessEnv): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scoop-prod-shape-"));
  services.push({ url: dir, stop: async () => fs.rmSync(dir, { recursive: true, force: true }) });
  const [portA, portB, s3Port, healthPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const { STORAGE_SHARED_DISK: _sharedDisk, ...base } = e2eEnv;
  const storage = (name: string) => (fs.mkdirSync(path.join(dir, name), { recursive: true }), path.join(dir, name));
  const env: NodeJS.ProcessEnv = {
    ...base,
    ...renderSharedEnv(),
    // Not render.yaml's defaults: a setting read in the wrong place shows up as a wrong number.
    PASSWORD_RESET_TTL_MINUTES: "45",
    PREFERRED_SCOOPER_WINDOW_MINUTES: "90",
    PAYMENT_WINDOW_MINUTES: "30",
    WORKER_HEARTBEAT_SECONDS: "10",
    JOB_EXPIRY_SECONDS: "5400",
    START_DEADLINE_SECONDS: "2700",
    AUTO_CONFIRM_SECONDS: "7200",
    PLATFORM_FEE_PERCENT: "12",
    CANCELLATION_FEE_PERCENT: "25",
    RECURRING_GENERATION_TIME: "07:30",
    // New scoopers wait for an admin's approval before their first claim (issue 19), as a careful launch would run.
    SCOOPER_APPROVAL: "1",
    // This run's own services in place of Render's.
    REDIS_PREFIX: base.REDIS_PREFIX,
    APP_URL: `http://127.0.0.1:${portA}`,
    LOG_LEVEL: "warn",
    WORKER_HEALTH_PORT: String(healthPort),
    E2E_PORT_A: String(portA),
    E2E_PORT_B: String(portB),
    STORAGE_DIR_A: storage("web-a"),
    STORAGE_DIR_B: storage("web-b"),
    STORAGE_DIR_WORKER: storage("worker"),
    S3RVER_PORT: String(s3Port),
    S3RVER_DIR: storage("s3"),
    S3RVER_BUCKET: "scoop-photos",
    STORAGE_S3_BUCKET: "scoop-photos",
    STORAGE_S3_ENDPOINT: `http://127.0.0.1:${s3Port}`,
    STORAGE_S3_REGION: "us-east-1",
    // s3rver's fixed development keys (it checks request signatures against them).
    STORAGE_S3_ACCESS_KEY_ID: "S3RVER",
    STORAGE_S3_SECRET_ACCESS_KEY: "S3RVER",
  };
  const out = path.join(resultsDir, "playwright-production-shape.json");
  fs.rmSync(out, { force: true });
  const code = await run("npx", ["playwright", "test", "--config", "playwright.production-shape.config.ts", "--reporter=list,json"], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out });
  readPlaywrightCounts(out);
  return code;
}

/**
 * Every `npm run bench:*` script, end to end at toy sizes on this run's PostgreSQL and Redis (bench:http and bench:web
 * on the build in .next: in a full run, the one e2e just made; they build one when there is none). Their figures mean
 * nothing at these sizes on a machine running other work; what this checks is that each one still runs and exits 0,
 * which it does not when a claim is refused, a server answers 5xx or the script itself breaks (bench:map's claims
 * failed from the day the onboarding gate came, unseen, because no check ran it). Each counts as one check; a failed
 * one prints its output.
 */
const BENCH_SMOKE: [script: string, sizes: Record<string, string>][] = [
  ["bench:map", { BENCH_JOBS: "2000", BENCH_ITERATIONS: "10", BENCH_CLAIMS: "30" }],
  ["bench:claims", { BENCH_CONCURRENCY: "3", BENCH_CLAIMS_PER_CLIENT: "10" }],
  ["bench:recurring", { BENCH_SUBSCRIPTIONS: "300" }],
  ["bench:realtime", { BENCH_CLIENTS: "20", BENCH_CLAIMS: "10", BENCH_PINS: "2", BENCH_WARMUP: "3", BENCH_CLAIM_RATE: "max" }],
  ["bench:http", { BENCH_REUSE_BUILD: "1", BENCH_HTTP_SECONDS: "1", BENCH_HTTP_CONNECTIONS: "5", BENCH_JOBS: "500" }],
  ["bench:web", { BENCH_WEB_PAGES: "sign-in" }],
];

/** A script still running after this long is stuck (toy sizes take under half a minute; a missing build, ~4 min). */
const BENCH_SMOKE_LIMIT_MS = 10 * 60_000;

async function benchSmoke(env: NodeJS.ProcessEnv): Promise<number> {
  let passed = 0;
  let failed = 0;
  let stopped = false;
  for (const [script, sizes] of BENCH_SMOKE) {
    if (stopped) break;
    const started = Date.now();
    const log = path.join(resultsDir, `${script.replace(":", "-")}.log`);
    const out = fs.openSync(log, "w");
    let timedOut = false;
    const code = await new Promise<number>((resolve) => {
      // Its own process group, so a stuck run is stopped with every process it started (servers, clients).
      const child = spawn("npm", ["run", "-s", script], { stdio: ["ignore", out, out], env: { ...env, ...sizes, LOG_LEVEL: "error" }, detached: true });
      const stopGroup = (signal: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          // already gone
        }
      };
      const limit = setTimeout(() => ((timedOut = true), stopGroup("SIGKILL")), BENCH_SMOKE_LIMIT_MS);
      // Out of the terminal's process group, it would not hear a Ctrl-C: pass it on, and run no further script.
      const interrupted = () => ((stopped = true), stopGroup("SIGTERM"));
      process.once("SIGINT", interrupted).once("SIGTERM", interrupted);
      child.on("exit", (exit, signal) => {
        clearTimeout(limit);
        process.off("SIGINT", interrupted).off("SIGTERM", interrupted);
        // Anything the script left running (a server of a run that crashed) goes with it.
        stopGroup("SIGTERM");
        resolve(exit ?? (signal ? 1 : 0));
      });
    });
    fs.closeSync(out);
    const outcome = code === 0 ? "ran" : timedOut ? `FAILED (still running after ${BENCH_SMOKE_LIMIT_MS / 60_000} min)` : `FAILED (exit ${code})`;
    console.log(`${script}: ${outcome} in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    if (code === 0) {
      passed++;
      continue;
    }
    process.stdout.write(fs.readFileSync(log, "utf8"));
    failed++;
  }
  totals.passed += passed;
  totals.failed += failed;
  return failed > 0 || passed < BENCH_SMOKE.length ? 1 : 0;
}

async function main() {
  const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  if (!only) {
    // Side by side: each leaves most of a core idle (tsc is single-threaded).
    await Promise.all([
      step("typecheck", () => run("npx", ["tsc", "--noEmit"], baseEnv)),
      step("lint", () => run("npx", ["eslint", "--max-warnings=0", "."], baseEnv)),
    ]);
  }
  const pgServer = await postgresServer();
  const redisUrl = await redisServer();
  const testEnv: NodeJS.ProcessEnv = { ...baseEnv, TEST_PG_SERVER_URL: pgServer, REDIS_URL: redisUrl, DATABASE_URL: pgServer };
  if (!only) {
    await step("migration drift check", () => run("npx", ["tsx", "scripts/db/check-drift.ts"], testEnv));
    await step("unit tests", () => vitest("unit", testEnv));
  }
  // The whole suite prepares e2e and starts its production build before the integration tests, which run beside
  // it (startBuild); the build's time then counts in "integration tests", and "e2e tests" waits for what is left.
  let e2eEnv: NodeJS.ProcessEnv | number | undefined;
  let build: Promise<number> | undefined;
  if (!only) {
    await step("e2e preparation", async () => ((e2eEnv = await prepareE2e(pgServer, redisUrl)), typeof e2eEnv === "number" ? e2eEnv : 0));
    if (!reuseBuild) build = startBuild(e2eEnv as NodeJS.ProcessEnv);
  }
  if (!only || only === "int") {
    // A failed integration run still lets the build finish, so nothing is left running.
    await step("integration tests", () => vitest("int", testEnv)).catch(async (err: unknown) => {
      await build;
      throw err;
    });
  }
  if (only === "e2e" || only === "e2e-production") {
    await step("e2e preparation", async () => ((e2eEnv = await prepareE2e(pgServer, redisUrl)), typeof e2eEnv === "number" ? e2eEnv : 0));
  }
  const preparedEnv = e2eEnv as NodeJS.ProcessEnv;
  if (!only || only === "e2e") await step("e2e tests", () => e2e(preparedEnv, build));
  if (only === "e2e-production") await step("production-shaped e2e", () => productionShaped(preparedEnv));
  if (!only || only === "bench") await step("benchmark scripts at toy sizes", () => benchSmoke(testEnv));
}

let exitCode = 0;
try {
  await main();
} catch (err) {
  console.error(`\n${err instanceof Error ? err.message : String(err)}`);
  exitCode = 1;
} finally {
  for (const service of services.reverse()) await service.stop().catch((e) => console.error("[test] cleanup:", e));
}
console.log(`\n${timings.join(" · ")}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(exitCode || (totals.failed > 0 ? 1 : 0));
