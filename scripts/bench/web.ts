/**
 * `npm run bench:web`: Lighthouse in mobile mode (its default: a mid-range phone, slow 4G, 4× CPU slowdown) on the
 * landing page, the board, an open job's page and the sign-in page of the production build, with Debian's
 * Chromium, printing each page's scores against issue 16's targets (performance ≥ 90, accessibility = 100, best
 * practices ≥ 95). Figures, not a test: the scores vary with the machine's load (printed beside each page: the
 * simulated throttling scales the CPU time it observes). Beside the scores: the metrics (FCP, LCP, TBT, CLS, Speed
 * Index), the LCP element, and for a page under its performance target Lighthouse's failing diagnostics.
 * BENCH_WEB_JSON=<dir> keeps each page's whole report and the trace Lighthouse simulated from (one pair per run);
 * BENCH_WEB_PROFILE=1 prints where the page's JavaScript spends its time (a CPU profile's top self times, 4×).
 * BENCH_WEB_RUNS=<n> measures each page n times and prints the median of each figure (one run is within ±10 of
 * another on a shared machine); BENCH_WEB_PAGES=board,job measures only the pages named (landing, board, job,
 * sign-in).
 *
 * Uses the build in .next (runs `next build` first when there is none), a throw-away database seeded with the demo
 * data and its own Redis prefix, and one web server on a free port; no worker is needed for pages that only read.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import pg from "pg";
import puppeteer from "puppeteer-core";
import { freePort } from "../lib/services.ts";
import { benchEnvironment } from "./bench-env.ts";

// CHROME_PATH is Lighthouse's own name for it; CHROMIUM_PATH is the one the e2e runs read (README).
const CHROMIUM = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
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

/**
 * The page's largest contentful paint element as the browser reports it (a phone viewport, 4× CPU slowdown, no
 * network throttling): what it is, not when it painted, which Lighthouse's simulated figure says.
 */
async function lcpElementOf(port: number, url: string): Promise<string> {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    await page.emulateCPUThrottling(4);
    const cdp = process.env.BENCH_WEB_PROFILE ? await page.createCDPSession() : null;
    if (cdp) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
      await cdp.send("Profiler.start");
    }
    // Each candidate is described when it is reported: the board's first paint is its map preview, which is gone
    // (replaced by Leaflet's tiles) by the time the page is idle.
    await page.evaluateOnNewDocument(() => {
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element | null; size?: number })[]) {
          const el = entry.element;
          if (!el) continue;
          const classes = typeof el.className === "string" && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 3).join(".")}` : "";
          const where = el.closest("[data-testid]")?.getAttribute("data-testid");
          (window as unknown as { scoopLcp?: string }).scoopLcp =
            `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${classes}${where ? ` in [data-testid=${where}]` : ""} at ${Math.round(entry.startTime)} ms, ` +
            `${entry.size} px²: "${(el.textContent ?? "").trim().slice(0, 60)}"`;
        }
      }).observe({ type: "largest-contentful-paint", buffered: true });
    });
    await page.goto(url, { waitUntil: "networkidle0" });
    if (cdp) {
      // BENCH_WEB_PROFILE=1: where the page's JavaScript spends its time (self time by function, 4× slowdown).
      const { profile } = await cdp.send("Profiler.stop");
      const self = new Map<string, number>();
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples?.forEach((id, i) => {
        const f = byId.get(id)!.callFrame;
        const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").at(-1)}:${f.lineNumber}:${f.columnNumber}`;
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
      });
      const top = [...self].filter(([k]) => !k.startsWith("(idle)") && !k.startsWith("(program)")).sort((a, b) => b[1] - a[1]).slice(0, 15);
      for (const [k, ms] of top) console.log(`${"".padEnd(23)}profile ${ms.toFixed(0).padStart(5)} ms  ${k}`);
    }
    return await page.evaluate(() => (window as unknown as { scoopLcp?: string }).scoopLcp ?? "(none)");
  } finally {
    await page.close();
    await browser.disconnect();
  }
}

// Checked before building and seeding, not when Lighthouse first launches it.
if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's (apt-get install chromium, as .ci/run does) or set CHROMIUM_PATH`);
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
  // A started server compresses every static file once, in the background (src/server/static-brotli.ts). Wait for
  // that, as for a server that has been running: measured during it, the first run's stylesheet came ~300 ms late
  // and Chromium drew its first frame only at ~1.3 s (LCP 3.8 s, performance 77–82 against 94–99 for the runs after).
  for (const rel of fs.readdirSync(".next/static", { recursive: true, encoding: "utf8" }).filter((f) => /\.(js|css)$/.test(f))) {
    await (await fetch(`${env.APP_URL}/_next/static/${rel.split(path.sep).join("/")}`, { headers: { "accept-encoding": "br" } })).arrayBuffer();
  }

  const allPages = { landing: ["/", "landing"], board: ["/board", "board (map)"], job: [`/jobs/${jobId}`, "open job"], "sign-in": ["/sign-in", "sign-in"] } as const;
  const only = process.env.BENCH_WEB_PAGES?.split(",").map((p) => p.trim());
  const pages = Object.fromEntries(Object.entries(allPages).filter(([key]) => !only || only.includes(key)).map(([, page]) => page));
  const runs = Math.max(1, Number(process.env.BENCH_WEB_RUNS ?? 1) || 1);
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"] });
  try {
    console.log(`\nLighthouse ${(await import("lighthouse/package.json", { with: { type: "json" } })).default.version}, mobile, ${CHROMIUM}`);
    console.log(`page                 | performance | accessibility | best practices   (targets ≥ ${TARGETS.performance}, = ${TARGETS.accessibility}, ≥ ${TARGETS["best-practices"]})`);
    for (const [path, label] of Object.entries(pages)) {
      // Warm the server (Next compiles nothing in production, but the first request fills its caches).
      await fetch(`${env.APP_URL}${path}`);
      const perRun: { performance: number; lcpMs: number; tbtMs: number }[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(`${env.APP_URL}${path}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES });
        const scores = CATEGORIES.map((c) => Math.round((result?.lhr.categories[c]?.score ?? 0) * 100));
        const misses = CATEGORIES.filter((c, i) => scores[i]! < TARGETS[c]);
        console.log(`${label.padEnd(20)} | ${String(scores[0]).padStart(11)} | ${String(scores[1]).padStart(13)} | ${String(scores[2]).padStart(14)}${misses.length ? `   below target: ${misses.join(", ")}` : ""}`);
        if (process.env.BENCH_WEB_JSON) {
          // The whole report, to dig into a page's audits: BENCH_WEB_JSON=<directory>.
          fs.mkdirSync(process.env.BENCH_WEB_JSON, { recursive: true });
          const file = `${process.env.BENCH_WEB_JSON}/${label.replace(/\W+/g, "-").replace(/-$/, "")}${runs > 1 ? `-${run + 1}` : ""}`;
          fs.writeFileSync(`${file}.json`, JSON.stringify(result?.lhr));
          // The trace Lighthouse simulated from: open it in Chrome's Performance panel.
          if (result?.artifacts.Trace) fs.writeFileSync(`${file}.trace.json`, JSON.stringify(result.artifacts.Trace));
        }
        const audits = result?.lhr.audits ?? {};
        const metric = (id: string) => audits[id]?.displayValue?.replace(/\u00a0/g, " ") ?? "?";
        console.log(
          `${"".padEnd(20)}   FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, ` +
            `CLS ${metric("cumulative-layout-shift")}, SI ${metric("speed-index")}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`,
        );
        const lcpElement = (audits["largest-contentful-paint-element"]?.details as { items?: { items?: { node?: { snippet?: string; selector?: string } }[] }[] } | undefined)
          ?.items?.[0]?.items?.[0]?.node;
        // Lighthouse 12.2.3's own LCP-element audit fails on Debian's newer Chromium (its trace changed): ask the page.
        const lcp = lcpElement ? `${lcpElement.selector ?? ""} ${lcpElement.snippet ?? ""}` : await lcpElementOf(chrome.port, `${env.APP_URL}${path}`);
        console.log(`${"".padEnd(20)}   LCP element: ${lcp.replace(/\s+/g, " ").slice(0, 140)}`);
        if (scores[0]! < TARGETS.performance) {
          // Lighthouse's own hints for a slow page: the opportunities and diagnostics it scores below passing.
          const hints = Object.values(audits)
            .filter((a) => a.score !== null && a.score < 0.9 && (a.details?.type === "opportunity" || a.details?.type === "table") && !a.id.startsWith("largest-contentful"))
            .filter((a) => result?.lhr.categories.performance?.auditRefs.some((r) => r.id === a.id && r.weight === 0))
            .map((a) => `${a.title}${a.displayValue ? ` (${a.displayValue.replace(/\u00a0/g, " ")})` : ""}`)
            .slice(0, 6);
          if (hints.length) console.log(`${"".padEnd(20)}   hints: ${hints.join("; ")}`);
        }
        for (const c of misses) {
          const failing = Object.values(result?.lhr.audits ?? {})
            .filter((a) => a.score !== null && a.score < 0.9 && result?.lhr.categories[c]?.auditRefs.some((r) => r.id === a.id && r.weight > 0))
            .map((a) => a.title)
            .slice(0, 4);
          if (failing.length) console.log(`${"".padEnd(20)}   ${c}: ${failing.join("; ")}`);
        }
        perRun.push({ performance: scores[0]!, lcpMs: audits["largest-contentful-paint"]?.numericValue ?? NaN, tbtMs: audits["total-blocking-time"]?.numericValue ?? NaN });
      }
      if (runs > 1) {
        const median = (key: keyof (typeof perRun)[number]) => {
          const sorted = perRun.map((r) => r[key]).sort((a, b) => a - b);
          return sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
        };
        console.log(
          `${label.padEnd(20)} | median of ${runs}: performance ${median("performance")} (${perRun.map((r) => r.performance).join(", ")}), ` +
            `LCP ${(median("lcpMs") / 1000).toFixed(1)} s, TBT ${Math.round(median("tbtMs"))} ms`,
        );
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
