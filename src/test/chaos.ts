/**
 * The chaos suite's harness: a private redis-server (or Redis Cluster) per test file (so stopping or flushing it
 * disturbs no other file) and the real worker as a child process (so it can be killed with SIGKILL, as an operator's
 * bad day would).
 * The worker's own process group is signalled, so the node process tsx starts under it dies too.
 */
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import { Redis } from "ioredis";
import { deleteRedisPrefix, freePort, startLocalRedis, startLocalPgBouncer, startLocalRedisCluster, type LocalRedisCluster, type Service } from "../../scripts/lib/services.ts";

export type PrivateRedis = { url: string; stop: () => Promise<void>; start: () => Promise<void>; flushAppKeys: () => Promise<void> };

/**
 * Stopped by setup-int.ts after the file's connections closed, its keys were deleted and its database dropped (not
 * before: that teardown still talks to it). A server left running outlives the test run.
 */
function stopAfterFile(service: { stop: () => Promise<void> }): void {
  const shared = globalThis as { scoopPrivateServices?: { stop: () => Promise<void> }[] };
  (shared.scoopPrivateServices ??= []).push(service);
}

/**
 * Puts a private PgBouncer in transaction mode, with `poolSize` server connections, between this file and its
 * database (DATABASE_URL now goes through it): call before any app module reads the env. Every transaction's session
 * state is discarded after it (startLocalPgBouncer), so what relies on session state fails every time rather than
 * when transactions happen to land on another server connection. The file's database was created on the server
 * directly (setup-int.ts), which also drops it.
 */
export async function routeDatabaseThroughPgBouncer(poolSize: number): Promise<{ url: string }> {
  const bouncer = await startLocalPgBouncer({ serverUrl: process.env.TEST_PG_SERVER_URL!, poolSize });
  process.env.DATABASE_URL = bouncer.databaseUrl(new URL(process.env.DATABASE_URL!).pathname.slice(1));
  stopAfterFile(bouncer);
  return { url: process.env.DATABASE_URL };
}

/** Starts a private redis-server and points REDIS_URL at it: call before any app module reads the env. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let server: Service | null = await startLocalRedis({ port });
  const url = server.url;
  process.env.REDIS_URL = url;
  const redis: PrivateRedis = {
    url,
    stop: async () => {
      await server?.stop();
      server = null;
    },
    // The same port, empty: a Redis restarted without persistence (or failed over to an empty replica).
    start: async () => {
      server ??= await startLocalRedis({ port });
    },
    flushAppKeys: () => deleteRedisPrefix(url, process.env.REDIS_PREFIX!),
  };
  stopAfterFile(redis);
  return redis;
}

/**
 * Starts a private three-master Redis Cluster and points the file at it (REDIS_URL, REDIS_CLUSTER=1): call before any
 * app module reads the env. The key prefix is re-drawn until the `bull`, `rt` and `rl` groups hash to three different
 * masters, so the file runs across shards rather than by luck on one. Stopped like `startPrivateRedis`'s.
 */
export async function startPrivateRedisCluster(): Promise<LocalRedisCluster> {
  const cluster = await startLocalRedisCluster({ nodes: 3 });
  stopAfterFile(cluster);
  for (let attempt = 0; ; attempt++) {
    const prefix = `scoop-c-${crypto.randomBytes(4).toString("hex")}`;
    const owners = await Promise.all(["bull", "rt", "rl"].map((group) => masterOfTag(cluster, `${prefix}:${group}`)));
    if (new Set(owners).size === 3) {
      process.env.REDIS_PREFIX = prefix;
      break;
    }
    if (attempt === 200) throw new Error("no key prefix spread the groups over three masters");
  }
  process.env.REDIS_URL = cluster.url;
  process.env.REDIS_CLUSTER = "1";
  return cluster;
}

/** The port of the master holding `group`'s keys on a cluster (this file's REDIS_PREFIX). */
export function masterOfGroup(cluster: LocalRedisCluster, group: string): Promise<number> {
  return masterOfTag(cluster, `${process.env.REDIS_PREFIX}:${group}`);
}

/** The port of the master holding the slot of hash tag `{tag}`, as the cluster itself says (CLUSTER SLOTS). */
async function masterOfTag(cluster: LocalRedisCluster, tag: string): Promise<number> {
  const node = new Redis(cluster.url);
  try {
    const ranges = (await node.call("CLUSTER", "SLOTS")) as [number, number, [string, number]][];
    const slot = (await node.call("CLUSTER", "KEYSLOT", `{${tag}}`)) as number;
    return ranges.find(([from, to]) => slot >= from && slot <= to)![2][1];
  } finally {
    node.disconnect();
  }
}

export type WorkerProcess = { child: ChildProcess; output: () => string; kill: () => Promise<void>; stop: () => Promise<void> };

/** Starts `worker/index.ts` in a process group of its own, with this test file's environment plus `env`. */
export async function startWorkerProcess(env: Record<string, string> = {}): Promise<WorkerProcess> {
  const tsx = path.resolve("node_modules/.bin/tsx");
  const child = spawn(tsx, ["worker/index.ts"], {
    env: { ...process.env, SCOOP_SERVICE: "worker", LOG_LEVEL: "info", WORKER_HEALTH_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start in 60 s:\n${log.slice(-2000)}`)), 60_000);
    const check = () => {
      if (log.includes('"msg":"worker ready"')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    child.once("exit", (code) => reject(new Error(`worker exited with ${code} before it was ready:\n${log.slice(-2000)}`)));
  });
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // Gone already.
    }
    await exited;
  };
  return { child, output: () => log, kill: () => signal("SIGKILL"), stop: () => signal("SIGTERM") };
}

/** Short intervals so the suite sees relays, scheduler checks and sweeps within seconds. */
export const CHAOS_WORKER_ENV = {
  OUTBOX_RELAY_SECONDS: "1",
  OUTBOX_GRACE_SECONDS: "1",
  OUTBOX_BACKOFF_MS: "100",
  SCHEDULE_CHECK_SECONDS: "2",
  TIMER_SWEEP_SECONDS: "2",
} as const;
