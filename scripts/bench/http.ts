/**
 * `npm run bench:http`: HTTP load against the production build, with autocannon (50 connections, 30 s each;
 * BENCH_HTTP_CONNECTIONS / BENCH_HTTP_SECONDS), on a throw-away database and Redis prefix.
 *
 * Builds (`next build`; BENCH_REUSE_BUILD=1 reuses the build .next holds), seeds BENCH_JOBS open jobs over New York
 * (20 000) and one scooper per connection, starts the real web server (src/server/web-server.ts, as `npm start`)
 * with the claim rate limit raised, and runs in turn:
 *   - board:    GET jobs.openInViewport for random neighbourhood viewports (the list and the zoomed-in map);
 *   - map:      GET jobs.board for random whole-city viewports at zoom 11 (server clusters);
 *   - job page: GET /jobs/<id> of random open jobs, as an anonymous visitor (server-rendered page);
 *   - claims:   each connection is one signed-in scooper that claims its own job and releases it, over and over;
 *   - floor:    the board's SQL behind a bare Node `http` server (scripts/bench/http-floor.ts), same viewports.
 * Prints requests/s, p50/p95/p99 latency, 5xx and network errors, and the outcomes that are not errors ("just
 * taken" 409, "limit" 412/429), then the board's ratio to the floor. The bar: zero 5xx and zero network errors.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import autocannon from "autocannon";
import superjson from "superjson";
import { freePort } from "../lib/services.ts";
import { BENCH_SCOOPER_PROFILE, benchEnvironment, percentile } from "./bench-env.ts";

const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 30);
const JOBS = Number(process.env.BENCH_JOBS ?? 20_000);
const METRO = { south: 40.5, north: 40.92, west: -74.25, east: -73.7 };

const bench = await benchEnvironment("http");
const secret = crypto.randomBytes(24).toString("hex");
const port = await freePort();
const serverEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(port),
  HOSTNAME: "127.0.0.1",
  APP_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_SECRET: secret,
  STORAGE_SHARED_DISK: "1",
  NEXT_PUBLIC_MAP_TILE_URL: "/api/tiles/{z}/{x}/{y}",
  LOG_LEVEL: "warn",
  // Every connection claims as fast as it can: raise the claim limit for the run (the others are not on this path).
  RATE_LIMIT_CLAIM: "1000000/1",
};
Object.assign(process.env, { NEXTAUTH_SECRET: secret });
const { db } = await import("../../src/server/db");
const { encode } = await import("next-auth/jwt");

const children: ChildProcess[] = [];
function start(cmd: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "inherit"] });
    children.push(child);
    let buffer = "";
    const timer = setTimeout(() => reject(new Error(`${args.join(" ")} did not start`)), 120_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = ready.exec(buffer);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once("exit", (code) => reject(new Error(`${args.join(" ")} exited with ${code}`)));
  });
}
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => spawn(cmd, args, { env, stdio: "inherit" }).on("exit", (code) => resolve(code ?? 1)));
}

function randomBounds(half: readonly [number, number]) {
  const lat = METRO.south + Math.random() * (METRO.north - METRO.south);
  const lng = METRO.west + Math.random() * (METRO.east - METRO.west);
  return { south: lat - half[0], north: lat + half[0], west: lng - half[1], east: lng + half[1] };
}
const trpcGet = (procedure: string, input: unknown) => `/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;

type Row = { name: string; rps: number; p50: number; p95: number; p99: number; ok: number; outcomes: Record<string, number>; serverErrors: number; networkErrors: number };

/** One autocannon run; latencies are collected per response (autocannon's own histogram has no p95). */
async function load(name: string, opts: Omit<autocannon.Options, "connections" | "duration">): Promise<Row> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ ...opts, connections: CONNECTIONS, duration: SECONDS, timeout: 10 }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  latencies.sort((a, b) => a - b);
  const outcomes: Record<string, number> = {};
  let ok = 0;
  let serverErrors = 0;
  for (const [code, { count }] of Object.entries(result.statusCodeStats as Record<string, { count: number }>)) {
    const n = Number(count);
    if (code.startsWith("2")) ok += n;
    else if (code.startsWith("5")) serverErrors += n;
    else outcomes[code] = n;
  }
  return { name, rps: result.requests.average, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), ok, outcomes, serverErrors, networkErrors: result.errors };
}

function print(row: Row) {
  const outcomes = Object.entries(row.outcomes).map(([code, n]) => `${code}: ${n}`).join(", ") || "none";
  console.log(
    `${row.name.padEnd(10)} | ${row.rps.toFixed(0).padStart(6)} | ${row.p50.toFixed(1).padStart(7)} | ${row.p95.toFixed(1).padStart(7)} | ${row.p99.toFixed(1).padStart(7)} | ${String(row.ok).padStart(7)} | ${String(row.serverErrors).padStart(3)} | ${String(row.networkErrors).padStart(7)} | ${outcomes}`,
  );
}

let exitCode = 0;
try {
  if (!(process.env.BENCH_REUSE_BUILD === "1" && fs.existsSync(".next/BUILD_ID"))) {
    console.log("[bench] next build…");
    if ((await run("npx", ["next", "build"], serverEnv)) !== 0) throw new Error("next build failed");
  }

  console.log(`[bench] seeding ${JOBS} open jobs and ${CONNECTIONS} scoopers…`);
  const poster = await db.user.create({ data: { email: "bench-poster@example.test", roles: ["CUSTOMER"] }, select: { id: true } });
  await db.$executeRaw`
    INSERT INTO "CleanupJob" (id, "posterId", status, address, lat, lng, "priceCents", type, "pileEstimate", "litterLevel", "yardSegments", "expiresAt", "createdAt", "updatedAt", "platformFeePercent", "cancellationFeePercent")
    SELECT 'bench-job-' || g, ${poster.id}, 'OPEN', g || ' Bench St', ${METRO.south} + random() * ${METRO.north - METRO.south}, ${METRO.west} + random() * ${METRO.east - METRO.west},
           500 + floor(random() * 9500)::int, (ARRAY['POOP','LITTER','BOTH'])[1 + g % 3]::"CleanupType",
           CASE WHEN g % 3 <> 1 THEN 'PILES_4_8'::"PileEstimate" END, CASE WHEN g % 3 <> 0 THEN 'LIGHT'::"LitterLevel" END,
           '{N,E}', now() + interval '24 hours', now() - random() * interval '24 hours', now(), 15, 20
    FROM generate_series(1, ${JOBS}::int) g`;
  await db.$executeRaw`ANALYZE "CleanupJob"`;
  const scoopers = await Promise.all(
    Array.from({ length: CONNECTIONS }, (_, i) => db.user.create({ data: { email: `bench-scooper-${i}@example.test`, roles: ["SCOOPER"], scooperProfile: { create: BENCH_SCOOPER_PROFILE } }, select: { id: true } })),
  );
  const cookies = await Promise.all(
    scoopers.map(async (s) => `next-auth.session-token=${await encode({ token: { uid: s.id, sv: 0, sid: crypto.randomUUID() }, secret })}`),
  );

  children.push(spawn(process.execPath, ["--import", "tsx", "src/server/web-server.ts"], { env: serverEnv, stdio: "inherit" }));
  const base = `http://127.0.0.1:${port}`;
  for (let tries = 0; !(await fetch(`${base}/api/health`).then((r) => r.ok, () => false)); tries++) {
    if (tries > 240) throw new Error("the web server did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
  const [, floorPort] = await start(process.execPath, ["--import", "tsx", "scripts/bench/http-floor.ts"], { ...process.env }, /ready (\d+)/);
  // Warm up: the first requests compile nothing in production, but open pools and build the board index.
  for (let i = 0; i < 20; i++) {
    await fetch(base + trpcGet("jobs.board", { bounds: randomBounds([0.21, 0.275]), zoom: 11 }));
    await fetch(base + trpcGet("jobs.openInViewport", { bounds: randomBounds([0.007, 0.009]) }));
  }

  console.log(`\nHTTP load: ${CONNECTIONS} connections × ${SECONDS} s each, production build (${JOBS} open jobs)`);
  console.log("run        |  req/s | p50 ms  | p95 ms  | p99 ms  |  2xx    | 5xx | net err | other answers (outcomes, not errors)");
  const neighbourhood = [0.007, 0.009] as const;
  const board = await load("board", { url: base, requests: [{ setupRequest: (req) => ({ ...req, path: trpcGet("jobs.openInViewport", { bounds: randomBounds(neighbourhood) }) }) }] });
  print(board);
  const map = await load("map", { url: base, requests: [{ setupRequest: (req) => ({ ...req, path: trpcGet("jobs.board", { bounds: randomBounds([0.21, 0.275]), zoom: 11 }) }) }] });
  print(map);
  const jobPage = await load("job page", { url: base, requests: [{ setupRequest: (req) => ({ ...req, path: `/jobs/bench-job-${1 + CONNECTIONS + Math.floor(Math.random() * (JOBS - CONNECTIONS))}` }) }] });
  print(jobPage);
  let next = 0;
  const claims = await load("claims", {
    url: base,
    setupClient: (client) => {
      // Each connection is one scooper with one job of its own (bench-job-1 … -N): claim it, release it, again.
      const i = next++ % CONNECTIONS;
      const headers = { cookie: cookies[i]!, "content-type": "application/json" };
      const body = JSON.stringify(superjson.serialize({ jobId: `bench-job-${i + 1}` }));
      client.setRequests([
        { method: "POST", path: "/api/trpc/jobs.claim", headers, body },
        { method: "POST", path: "/api/trpc/jobs.release", headers, body },
      ]);
    },
  });
  print(claims);
  const floor = await load("floor", { url: `http://127.0.0.1:${floorPort}`, requests: [{ setupRequest: (req) => ({ ...req, path: `/board?bounds=${encodeURIComponent(JSON.stringify(randomBounds(neighbourhood)))}` }) }] });
  print(floor);

  console.log(`\nboard vs floor (same SQL, same viewports): ${(board.rps / floor.rps).toFixed(2)}× the requests/s, p95 ${(board.p95 / floor.p95).toFixed(2)}× the floor's`);
  const rows = [board, map, jobPage, claims, floor];
  const bad = rows.filter((r) => r.serverErrors > 0 || r.networkErrors > 0);
  console.log(`zero 5xx and zero network errors: ${bad.length === 0 ? "met" : `MISSED (${bad.map((r) => r.name).join(", ")})`}`);
  if (bad.length) exitCode = 1;
} catch (err) {
  console.error(err);
  exitCode = 1;
} finally {
  for (const child of children) child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1_000));
  await db.$disconnect();
  await bench.cleanup();
}
process.exit(exitCode);
