/**
 * `npm run bench:web`: Lighthouse in mobile mode (its default: a mid-range phone, slow 4G, 4× CPU slowdown) on the
 * landing page, the board, an open job's page and the sign-in page of the production build, with Debian's
 * Chromium, printing each page's scores against issue 16's targets (performance ≥ 90, accessibility = 100, best
 * practices ≥ 95). Figures, not a test: the scores vary with the machine's load.
 *
 * Uses the build in .next (runs `next build` first when there is none), a throw-away database seeded with the demo
 * data and its own Redis prefix, and one web server on a free port; no worker is needed for pages that only read.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import pg from "pg";
import { freePort } from "../lib/services.ts";
import { benchEnvironment } from "./bench-env.ts";

const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const TARGETS = { performance: 90, accessibility: 100, "best-practices": 95 } as const;
const CATEGORIES = Object.keys(TARGETS) as (keyof typeof TARGETS)[];

async function waitFor(url: string, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`);
}

const bench = await benchEnvironment("web");
const port = await freePort();
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(port),
  APP_URL: `http://127.0.0.1:${port}`,
  ALLOW_DEMO_SEED: "1",
  STORAGE_SHARED_DISK: "1",
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? `bench-web-${"x".repeat(32)}`,
  LOG_LEVEL: "warn",
  // Plain offline tiles, as the e2e build uses: the bench never calls a tile provider.
  NEXT_PUBLIC_MAP_TILE_URL: process.env.NEXT_PUBLIC_MAP_TILE_URL ?? "/api/tiles/{z}/{x}/{y}",
};
let server: ChildProcess | null = null;
let exitCode = 0;
try {
  if (!fs.existsSync(".next/BUILD_ID")) {
    console.log("[bench:web] no production build in .next: running next build…");
    if (spawnSync("npx", ["next", "build"], { env, stdio: "inherit" }).status !== 0) throw new Error("next build failed");
  }
  if (spawnSync("npx", ["tsx", "prisma/seed.ts"], { env, stdio: "inherit" }).status !== 0) throw new Error("seeding failed");
  const client = new pg.Client({ connectionString: bench.databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM "CleanupJob" WHERE status = 'OPEN' ORDER BY "createdAt" LIMIT 1`);
  await client.end();
  const jobId = rows[0]?.id;
  if (!jobId) throw new Error("the seed left no open job");

  // Node itself (not npx), so stopping this one process stops the server.
  server = spawn(process.execPath, ["--import", "tsx", "src/server/web-server.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
  await waitFor(`${env.APP_URL}/api/health`, 120_000);

  const pages = { "/": "landing", "/board": "board (map)", [`/jobs/${jobId}`]: "open job", "/sign-in": "sign-in" };
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
  try {
    console.log(`\nLighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, mobile, ${CHROMIUM}`);
    console.log(`page                 | performance | accessibility | best practices   (targets ≥ ${TARGETS.performance}, = ${TARGETS.accessibility}, ≥ ${TARGETS["best-practices"]})`);
    for (const [path, label] of Object.entries(pages)) {
      // Warm the server (Next compiles nothing in production, but the first request fills its caches).
      await fetch(`${env.APP_URL}${path}`);
      const result = await lighthouse(`${env.APP_URL}${path}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES });
      const scores = CATEGORIES.map((c) => Math.round((result?.lhr.categories[c]?.score ?? 0) * 100));
      const misses = CATEGORIES.filter((c, i) => scores[i]! < TARGETS[c]);
      console.log(`${label.padEnd(20)} | ${String(scores[0]).padStart(11)} | ${String(scores[1]).padStart(13)} | ${String(scores[2]).padStart(14)}${misses.length ? `   below target: ${misses.join(", ")}` : ""}`);
      for (const c of misses) {
        const failing = Object.values(result?.lhr.audits ?? {})
          .filter((a) => a.score !== null && a.score < 0.9 && result?.lhr.categories[c]?.auditRefs.some((r) => r.id === a.id && r.weight > 0))
          .map((a) => a.title)
          .slice(0, 4);
        if (failing.length) console.log(`${"".padEnd(20)}   ${c}: ${failing.join("; ")}`);
      }
    }
  } finally {
    chrome.kill();
  }
} catch (err) {
  console.error(`[bench:web] ${err instanceof Error ? err.message : String(err)}`);
  exitCode = 1;
} finally {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once("exit", resolve));
    server.kill("SIGTERM");
    await exited;
  }
  await bench.cleanup();
}
process.exit(exitCode);
