/**
 * The one Prisma client of a process (web or worker). Prisma 7 talks to Postgres through a driver adapter.
 * Kept on globalThis in every environment: the production web process loads this module more than once
 * (web-server.ts through tsx, and Next's compiled server bundles, whose pages and route handlers each carry a
 * copy), and each copy would otherwise open a pool of its own (three per web process, measured on 30 Nov), so
 * DATABASE_POOL_SIZE would not be the process's budget. Development's hot reloads reuse it the same way.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/env";
import { recordQuery, type SlowQueryLog } from "@/server/observability/query-timing";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; scoopPgPools?: WeakMap<object, pg.Pool> };

/**
 * The pg pool under each client, for the few statements sent without Prisma (src/server/db-batch.ts). Shared by
 * every copy of this module, like the client: a copy that did not make the client still finds its pool.
 */
const pools = (globalForPrisma.scoopPgPools ??= new WeakMap<object, pg.Pool>());
export const poolOf = (client: object): pg.Pool | undefined => pools.get(client);

/**
 * `poolSize`: this process's connection budget (DATABASE_POOL_SIZE). Web and worker instances each open up to
 * this many, so (web instances + worker instances) × DATABASE_POOL_SIZE + the crons' must stay under the
 * database's connection limit (docs/scaling.md has the arithmetic and when to put PgBouncer in front).
 */
export function createPrismaClient(opts: { poolSize?: number; applicationName?: string; slowQueryMs?: number; slowQueryLog?: SlowQueryLog } = {}) {
  // One pool shared by Prisma and db-batch.ts, so the connection budget stays one number per process.
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: opts.poolSize ?? env.DATABASE_POOL_SIZE, application_name: opts.applicationName });
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    // Prisma's defaults give up on a transaction that waited 2 s for a pooled connection, or ran 5 s. In a burst
    // (the morning generation, a busy board) a request would rather wait for its turn than fail after the user
    // typed everything: 10 s to get a connection, 15 s to finish.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
    log: [
      // Prisma's own duration of each query: Server-Timing and the slow-query log (query-timing.ts).
      { emit: "event", level: "query" },
      ...(env.NODE_ENV === "development" ? (["warn", "error"] as const) : (["error"] as const)).map((level) => ({ emit: "stdout" as const, level })),
    ],
  });
  client.$on("query", (event) => recordQuery(event, opts.slowQueryMs ?? env.SLOW_QUERY_MS, opts.slowQueryLog));
  pools.set(client, pool);
  return client;
}

export const db = (globalForPrisma.prisma ??= createPrismaClient());

export type Db = typeof db;
/** A client or an interactive transaction: domain functions accept either. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
