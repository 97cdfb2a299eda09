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
 * listens); a Cluster client also emits "node error" for each failing node while it stays ready. The log gets at most
 * one line a minute per connection.
 */
function logOutages(conn: RedisConnection): void {
  let lastLogged = 0;
  const log = (err: Error, node?: string) => {
    if (Date.now() - lastLogged < 60_000) return;
    lastLogged = Date.now();
    logger.warn({ err, node }, "Redis connection failed; reconnecting");
  };
  conn.on("error", (err: Error) => log(err));
  conn.on("node error", (err: Error, node: string) => log(err, node));
}

/**
 * ioredis' Cluster client, started from the node REDIS_URL names (its credentials and TLS apply to every node it
 * finds). `options` are each node connection's (`maxRetriesPerRequest` …); the offline queue is the cluster's own.
 */
export function clusterConnection(url: string, options: RedisOptions = {}): Cluster {
  const parsed = new URL(url);
  const { enableOfflineQueue = true, ...nodeOptions } = options;
  // `[::1]` → `::1`.
  const host = parsed.hostname.replace(/^\[(.*)\]$/, "$1");
  return new Cluster([{ host, port: Number(parsed.port || 6379) }], {
    enableOfflineQueue,
    lazyConnect: false,
    // Keep host names as given: resolved to an address, a TLS node's certificate (issued for its name) fails to verify.
    dnsLookup: (address, callback) => callback(null, address),
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
    err.name === "MaxRetriesPerRequestError" ||
    code === "ECONNREFUSED" || code === "ECONNRESET" || code === "EPIPE" ||
    // The Cluster client's: every node down ("Cluster isn't ready"), a slot's master down (its commands bounce until
    // "Too many Cluster redirections"), or the cluster marking itself down (CLUSTERDOWN).
    /Connection is closed|Stream isn't writeable|Reached the max retries per request|Cluster isn't ready|Too many Cluster redirections|CLUSTERDOWN/.test(err.message)
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
