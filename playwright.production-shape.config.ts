/**
 * The production-shaped e2e run (scripts/test.ts, after the main e2e run, on the same build): two web instances
 * and one worker, each with its own STORAGE_DIR so only object storage can carry photos between them, photos in a
 * real S3-compatible server (s3rver) the run starts, and render.yaml's settings with non-default timers and fees.
 * scripts/test.ts provides the environment (ports, database, Redis prefix, storage and setting values).
 */
import { defineConfig, devices } from "@playwright/test";

const env = process.env as Record<string, string>;
const portA = Number(env.E2E_PORT_A);
const portB = Number(env.E2E_PORT_B);
const web = (port: number, storageDir: string) => ({
  command: "npx tsx src/server/web-server.ts",
  url: `http://127.0.0.1:${port}/api/health`,
  env: { ...env, PORT: String(port), STORAGE_DIR: storageDir },
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: "ignore" as const,
  stderr: "pipe" as const,
  gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
});

export default defineConfig({
  testDir: "e2e-production",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: { trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        },
      },
    },
  ],
  webServer: [
    {
      command: "npx tsx scripts/lib/s3rver-server.ts",
      wait: { stdout: /s3rver ready/ },
      env,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    web(portA, env.STORAGE_DIR_A!),
    web(portB, env.STORAGE_DIR_B!),
    {
      command: "npx tsx worker/index.ts",
      wait: { stdout: /worker ready/ },
      env: { ...env, STORAGE_DIR: env.STORAGE_DIR_WORKER!, SCOOP_SERVICE: "worker", LOG_LEVEL: "info" },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    },
  ],
});
