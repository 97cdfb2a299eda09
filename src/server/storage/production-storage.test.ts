/**
 * Production refuses local-disk photo storage unless web and worker share a disk (src/env.js): both entry
 * points exit at start with a message naming the storage settings. Real processes, no database needed: the
 * check runs when the environment is read, before any connection is made.
 */
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

type Exit = { code: number | null; output: string };

function start(args: string[], extra: Record<string, string>): Promise<Exit> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      // Unreachable on purpose: a process that got past the storage check would fail (or hang) on these instead.
      DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none",
      REDIS_URL: "redis://127.0.0.1:1",
      NEXTAUTH_SECRET: "x".repeat(40),
      PORT: "1",
      WORKER_HEALTH_PORT: "0",
      LOG_LEVEL: "silent",
      ...extra,
    };
    // Its own process group, so a timeout ends tsx and node too, not only npx.
    const child = spawn("npx", ["tsx", ...args], { env, detached: true });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 40_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe("production photo storage", () => {
  for (const entry of ["src/server/web-server.ts", "worker/index.ts"]) {
    it(`${entry} exits at start with local-disk storage and no shared-disk setting`, async () => {
      const { code, output } = await start([entry], {});
      expect(code).not.toBe(0);
      expect(output).toContain("STORAGE_S3_BUCKET");
      expect(output).toContain("STORAGE_SHARED_DISK");
    }, 60_000);
  }

  it("passes the storage check with a bucket or an explicit shared disk", async () => {
    for (const extra of [{ STORAGE_S3_BUCKET: "photos" }, { STORAGE_SHARED_DISK: "1" }] as Record<string, string>[]) {
      const { code, output } = await start(["--eval", 'import("./src/env.js").then(() => console.log(["env", "read"].join(" ")))'], extra);
      expect(output).toContain("env read");
      expect(code).toBe(0);
    }
  }, 60_000);
});
