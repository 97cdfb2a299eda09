/**
 * End-to-end tests: the production build, the real worker and Debian's Chromium (Playwright cannot download a
 * browser here). Run through `npm test` / `npm run test:e2e` (scripts/test.ts), which builds the app and
 * provides a fresh database, Redis prefix and port in the environment.
 */
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// The worker's health port; specs read it from the environment too (scripts/test.ts picks a free one).
process.env.WORKER_HEALTH_PORT ??= String(port + 1);
// A fake Nominatim-compatible geocoder (e2e/fake-geocoder.ts), so the pin following the address is tested offline.
const geocoderPort = Number(process.env.E2E_GEOCODER_PORT ?? port + 2);
const serverEnv = {
  ...process.env,
  PORT: String(port),
  NODE_ENV: "production",
  NEXT_TELEMETRY_DISABLED: "1",
  GEOCODER_URL: process.env.GEOCODER_URL ?? `http://127.0.0.1:${geocoderPort}/search`,
  // Not the default (30): board-clusters.spec.ts writes jobs straight to the database and waits for the rebuild.
  BOARD_INDEX_REBUILD_SECONDS: "2",
} as Record<string, string>;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          // Without these, Chromium keeps trying to reach Google's services, which this network refuses.
          args: ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        },
      },
    },
  ],
  webServer: [
    {
      command: "npx tsx e2e/fake-geocoder.ts",
      url: `http://127.0.0.1:${geocoderPort}/health`,
      env: { ...process.env, E2E_GEOCODER_PORT: String(geocoderPort) } as Record<string, string>,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "npx tsx src/server/web-server.ts",
      url: `${baseURL}/api/health`,
      env: serverEnv,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
    {
      command: "npx tsx worker/index.ts",
      wait: { stdout: /worker ready/ },
      env: { ...serverEnv, SCOOP_SERVICE: "worker", LOG_LEVEL: "info" }, // "worker ready" is an info line
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
  ],
});
