/**
 * `npm run bench:map`: the board's viewport query and claims under load, on a throw-away database.
 * Seeds 100 000 OPEN jobs across the New York metro area, then prints p50/p95 of the viewport query through
 * the service (Prisma) and the same SQL raw through `pg`, for a city-block, a neighbourhood and a whole-city
 * viewport; then the whole-city map through `jobs.board` (server clusters from the in-memory index, unfiltered and
 * with random filters) beside the raw viewport query's p95 for the same viewports in the same run (targets: p95
 * < 30 ms and within 2× of raw); then claims per second through `createCaller` vs a raw conditional UPDATE on
 * distinct jobs.
 * Server: TEST_DATABASE_URL, else DATABASE_URL, else postgresql://postgres@127.0.0.1:5432/postgres.
 */
import crypto from "node:crypto";
import pg from "pg";
import { applyMigrations } from "../db/schema-engine.ts";
import { BENCH_SCOOPER_PROFILE } from "./bench-env.ts";
import { createDatabase, deleteRedisPrefix, dropDatabase } from "../lib/services.ts";

const JOBS = Number(process.env.BENCH_JOBS ?? 100_000);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const CLAIMS = Number(process.env.BENCH_CLAIMS ?? 300);
const server = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const id = crypto.randomBytes(4).toString("hex");
const dbName = `scoop_bench_${id}`;
const redisPrefix = `scoop-bench-${id}`;

// The metro area the jobs are spread over, and the viewports, as half-sides in degrees.
const METRO = { south: 40.5, north: 40.92, west: -74.25, east: -73.7 };
const VIEWPORTS = { "city block": [0.001, 0.0013], neighbourhood: [0.007, 0.009], "whole city": [0.21, 0.275] } as const;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50).toFixed(2), p95: percentile(s, 95).toFixed(2) };
}
function randomBounds(half: readonly [number, number]) {
  const lat = METRO.south + Math.random() * (METRO.north - METRO.south);
  const lng = METRO.west + Math.random() * (METRO.east - METRO.west);
  return { south: lat - half[0], north: lat + half[0], west: lng - half[1], east: lng + half[1] };
}

const databaseUrl = await createDatabase(server, dbName);
let exitCode = 0;
const admin = new pg.Client({ connectionString: databaseUrl });
try {
  console.log(`[bench] database ${dbName}: migrating and seeding ${JOBS} open jobs…`);
  await applyMigrations(databaseUrl);
  Object.assign(process.env, { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, REDIS_PREFIX: redisPrefix, LOG_LEVEL: "warn" });
  const [{ db }, { listOpenJobsInViewport, boardSql, boardQuerySchema }, { boardView }, { boardIndex, closeBoardIndex }, { closeRealtimeHub }, { createCaller }, { createTRPCContext }, { closeQueues }, { closeRedis }] = await Promise.all([
    import("@/server/db"),
    import("@/server/jobs/list-open-jobs"),
    import("@/server/jobs/board-view"),
    import("@/server/jobs/board-index"),
    import("@/server/realtime/hub"),
    import("@/server/api/root"),
    import("@/server/api/trpc"),
    import("@/server/queues/queues"),
    import("@/server/redis"),
  ]);
  await admin.connect();

  const seedStart = Date.now();
  await admin.query(`INSERT INTO "User" (id, email, roles, "updatedAt") VALUES ('bench-poster', 'poster@bench.test', '{CUSTOMER}', now())`);
  await admin.query(
    `INSERT INTO "User" (id, email, roles, "updatedAt")
     SELECT 'bench-scooper-' || g, 'scooper' || g || '@bench.test', '{SCOOPER}', now() FROM generate_series(1, $1::int) g`,
    [Math.ceil(CLAIMS / 3)],
  );
  // Onboarded (the claim refuses a scooper without a finished profile).
  const profile = BENCH_SCOOPER_PROFILE;
  await admin.query(
    `INSERT INTO "ScooperProfile" ("userId", "displayName", "photoKey", "serviceLat", "serviceLng", "serviceRadiusKm", "updatedAt")
     SELECT id, $1, $2, $3, $4, $5, now() FROM "User" WHERE id LIKE 'bench-scooper-%'`,
    [profile.displayName, profile.photoKey, profile.serviceLat, profile.serviceLng, profile.serviceRadiusKm],
  );
  await admin.query(
    `INSERT INTO "CleanupJob" (id, "posterId", status, address, lat, lng, "priceCents", type, "pileEstimate", "litterLevel", "yardSegments", "expiresAt", "createdAt", "updatedAt", "platformFeePercent", "cancellationFeePercent")
     SELECT 'bench-job-' || g, 'bench-poster', 'OPEN', g || ' Bench St', $1::float8 + random() * ($2::float8 - $1::float8), $3::float8 + random() * ($4::float8 - $3::float8),
            500 + floor(random() * 9500)::int, (ARRAY['POOP','LITTER','BOTH'])[1 + g % 3]::"CleanupType",
            CASE WHEN g % 3 <> 1 THEN 'PILES_4_8'::"PileEstimate" END, CASE WHEN g % 3 <> 0 THEN 'LIGHT'::"LitterLevel" END,
            '{N,E}', now() + interval '24 hours', now() - random() * interval '24 hours', now(), 15, 20
     FROM generate_series(1, $5::int) g`,
    [METRO.south, METRO.north, METRO.west, METRO.east, JOBS],
  );
  await admin.query(`ANALYZE "CleanupJob"`);
  console.log(`[bench] seeded in ${((Date.now() - seedStart) / 1000).toFixed(1)}s\n`);

  console.log(`viewport query, ${ITERATIONS} random viewports each (ms)`);
  console.log("viewport        | pins (avg) | service p50 | service p95 | raw pg p50 | raw pg p95");
  for (const [name, half] of Object.entries(VIEWPORTS)) {
    const service: number[] = [];
    const raw: number[] = [];
    let pins = 0;
    for (let i = 0; i < ITERATIONS + 20; i++) {
      const bounds = randomBounds(half);
      let t = performance.now();
      const result = await listOpenJobsInViewport(db, { bounds });
      const serviceMs = performance.now() - t;
      const sql = boardSql(boardQuerySchema.parse({ bounds }), new Date());
      t = performance.now();
      await admin.query(sql.text, sql.values as unknown[]);
      const rawMs = performance.now() - t;
      if (i >= 20) {
        // The first runs warm connections and caches.
        service.push(serviceMs);
        raw.push(rawMs);
        pins += result.jobs.length;
      }
    }
    const s = stats(service);
    const r = stats(raw);
    console.log(`${name.padEnd(15)} | ${(pins / ITERATIONS).toFixed(0).padStart(10)} | ${s.p50.padStart(11)} | ${s.p95.padStart(11)} | ${r.p50.padStart(10)} | ${r.p95.padStart(10)}`);
  }

  // The whole city as the map asks for it: clusters from the index, beside the raw viewport query (same viewports).
  let t0 = performance.now();
  const live = await boardIndex(db);
  console.log(`\nboard index: first build of ${live.current.size} open jobs in ${(performance.now() - t0).toFixed(0)} ms`);
  t0 = performance.now();
  await live.rebuild();
  console.log(`board index: background rebuild in ${(performance.now() - t0).toFixed(0)} ms`);
  const FILTERS = [{}, { types: ["LITTER" as const] }, { pileEstimates: ["PILES_4_8" as const], minPriceCents: 4000 }, { postedWithinMinutes: 60 as const }, { types: ["POOP" as const, "BOTH" as const], minPriceCents: 2500 }];
  const half = VIEWPORTS["whole city"];
  for (const [label, pick] of [["no filter", () => FILTERS[0]!], ["random filters", () => FILTERS[Math.floor(Math.random() * FILTERS.length)]!]] as const) {
    const clusters: number[] = [];
    const raw: number[] = [];
    let groups = 0;
    let covered = 0;
    for (let i = 0; i < ITERATIONS + 20; i++) {
      const bounds = randomBounds(half);
      const filters = pick();
      let t = performance.now();
      const view = await boardView(db, { bounds, zoom: 11, ...filters });
      const clusterMs = performance.now() - t;
      const sql = boardSql(boardQuerySchema.parse({ bounds, ...filters }), new Date());
      t = performance.now();
      await admin.query(sql.text, sql.values as unknown[]);
      const rawMs = performance.now() - t;
      if (i >= 20) {
        clusters.push(clusterMs);
        raw.push(rawMs);
        if (view.kind === "clusters") {
          groups += view.clusters.length;
          covered += view.total;
        }
      }
    }
    const c = stats(clusters);
    const r = stats(raw);
    const ratio = Number(c.p95) / Number(r.p95);
    console.log(
      `whole city (zoom 11), ${label}: jobs.board clusters p50 ${c.p50} ms p95 ${c.p95} ms (avg ${(groups / ITERATIONS).toFixed(0)} clusters covering ${(covered / ITERATIONS).toFixed(0)} jobs) | raw viewport query p50 ${r.p50} ms p95 ${r.p95} ms | ratio ${ratio.toFixed(2)}×`,
    );
    console.log(`  targets: p95 < 30 ms ${Number(c.p95) < 30 ? "met" : "MISSED"}; within 2× of raw ${ratio <= 2 ? "met" : "MISSED"}`);
  }
  closeBoardIndex();
  await closeRealtimeHub();

  console.log(`\nclaims on distinct jobs, ${CLAIMS} each, one after another`);
  const scoopers = Array.from({ length: Math.ceil(CLAIMS / 3) }, (_, i) => `bench-scooper-${i + 1}`);
  let t = performance.now();
  for (let i = 0; i < CLAIMS; i++) {
    const scooperId = scoopers[i % scoopers.length]!;
    const caller = createCaller(createTRPCContext({ headers: new Headers(), session: { user: { id: scooperId, email: `${scooperId}@bench.test`, roles: ["SCOOPER"] } } }));
    await caller.jobs.claim({ jobId: `bench-job-${i + 1}` });
  }
  const callerPerSec = CLAIMS / ((performance.now() - t) / 1000);
  t = performance.now();
  for (let i = 0; i < CLAIMS; i++) {
    await admin.query(
      `UPDATE "CleanupJob" SET status = 'CLAIMED', "scooperId" = $1, "claimedAt" = now(), "updatedAt" = now() WHERE id = $2 AND status = 'OPEN'`,
      [scoopers[i % scoopers.length], `bench-job-${CLAIMS + i + 1}`],
    );
  }
  const rawPerSec = CLAIMS / ((performance.now() - t) / 1000);
  console.log(`createCaller jobs.claim (transaction, user lock, limit check, event, timers): ${callerPerSec.toFixed(0)} claims/s`);
  console.log(`raw conditional UPDATE through pg:                                        ${rawPerSec.toFixed(0)} claims/s`);

  await closeQueues();
  await closeRedis();
  await db.$disconnect();
} catch (err) {
  console.error(err);
  exitCode = 1;
} finally {
  await admin.end().catch(() => undefined);
  await deleteRedisPrefix(redisUrl, redisPrefix).catch(() => undefined);
  await dropDatabase(server, dbName);
}
process.exit(exitCode);
