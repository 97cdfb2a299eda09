/**
 * Redis connections. Each process has one shared command connection (`redis`), created lazily; BullMQ
 * workers and pub/sub subscribers need their own (they block or change the connection's mode), so they call
 * `createRedisConnection`. Keys always go through `redisKey` so REDIS_PREFIX isolates apps and test runs.
 */
import { Cluster, Redis, type RedisOptions } from "ioredis";
import { env } from "@/env";
import { logger } from "@/server/logger";

/** A connection to one Redis or, with REDIS_CLUSTER=1, to a Redis Cluster: every caller uses what both answer. */
export type RedisConnection = Redis | Cluster;

export function createRedisConnection(options: RedisOptions = {}): RedisConnection {
  const conn = env.REDIS_CLUSTER === "1" ? clusterConnection(env.REDIS_URL, options) : new Redis(env.REDIS_URL, { lazyConnect: false, ...options });
  logOutages(conn);
  return conn;
}

/**
 * ioredis reconnects by itself and emits an error at every failed attempt (printed raw to the console when nobody
 * listens). The log gets the first of an outage, then nothing until the connection is ready again.
 */
function logOutages(conn: RedisConnection): void {
  let quiet = false;
  conn.on("ready", () => (quiet = false));
  conn.on("error", (err: Error) => {
    if (quiet) return;
    quiet = true;
    logger.warn({ err }, "Redis connection failed; reconnecting");
  });
}

/**
 * ioredis' Cluster client, started from the node REDIS_URL names (its credentials and TLS apply to every node it
 * finds). `options` are each node connection's (`maxRetriesPerRequest` …); the offline queue is the cluster's own.
 */
export function clusterConnection(url: string, options: RedisOptions = {}): Cluster {
  const parsed = new URL(url);
  const { enableOfflineQueue = true, ...nodeOptions } = options;
  return new Cluster([{ host: parsed.hostname, port: Number(parsed.port || 6379) }], {
    enableOfflineQueue,
    lazyConnect: false,
    redisOptions: {
      ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
      ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
      ...(parsed.protocol === "rediss:" ? { tls: {} } : {}),
      ...nodeOptions,
    },
  });
}

const globalForRedis = globalThis as unknown as { redis?: RedisConnection; queueRedis?: RedisConnection };

/**
 * Shared command connection. Commands wait for the first connection (a process may use Redis as soon as it
 * starts), but once it was up, a command sent while it is down fails at once rather than waiting out reconnect
 * attempts: a confirm or cancel then answers immediately (its side effects wait in the outbox), and a
 * rate-limited call answers 503 "try again" (trpc.ts) instead of hanging.
 */
export function getRedis(): RedisConnection {
  return (globalForRedis.redis ??= commandConnection());
}

/**
 * The connection BullMQ queues add jobs on, with the same failure behaviour. Not `getRedis()`: BullMQ defines its
 * few dozen Lua scripts on the connection it is given, and ioredis copies every defined script onto each MULTI or
 * pipeline made from that connection — the largest CPU cost of a claim's Redis work before they were split.
 */
export function getQueueRedis(): RedisConnection {
  return (globalForRedis.queueRedis ??= commandConnection());
}

function commandConnection(): RedisConnection {
  const conn = createRedisConnection({ maxRetriesPerRequest: 2, enableOfflineQueue: true });
  conn.once("ready", () => (conn.options.enableOfflineQueue = false));
  return conn;
}

/**
 * True for the errors ioredis raises while Redis is unreachable (refused, closed, retries per request used up).
 * A call that cannot work without Redis answers 503 "try again" for these instead of a 500 (trpc.ts).
 */
export function isRedisUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as NodeJS.ErrnoException).code;
  return (
    err.name === "MaxRetriesPerRequestError" || err.name === "ClusterAllFailedError" ||
    code === "ECONNREFUSED" || code === "ECONNRESET" || code === "EPIPE" ||
    /Connection is closed|Stream isn't writeable|Reached the max retries per request|Cluster isn't ready/.test(err.message)
  );
}

/**
 * `redisKey("rt", "log", "board")` → `{scoop:rt}:log:board`. The braces are a Redis Cluster hash tag: every key of
 * one group (the first part: "bull" for all BullMQ queues, "rt" for the real-time logs, "rl" rate limits,
 * "worker") lands in the same slot, so the scripts, MULTIs and pipelines that touch several keys
 * of a group (BullMQ's, the event log's multi-channel pipeline) run unchanged on a cluster, while different groups
 * may live on different shards. Nothing touches two groups in one command.
 */
export function redisKey(group: string, ...parts: (string | number)[]): string {
  return [`{${env.REDIS_PREFIX}:${group}}`, ...parts].join(":");
}

/** The hash tag of a key built by `redisKey` (what Redis Cluster hashes to pick its slot). */
export function redisHashTag(key: string): string | null {
  return /\{([^}]+)\}/.exec(key)?.[1] ?? null;
}

export async function closeRedis(): Promise<void> {
  const conns = [globalForRedis.redis, globalForRedis.queueRedis];
  globalForRedis.redis = globalForRedis.queueRedis = undefined;
  await Promise.all(conns.map((conn) => conn && conn.quit().catch(() => conn.disconnect())));
}
