/**
 * The one Prisma client of a process (web or worker). Prisma 7 talks to Postgres through a driver adapter.
 * Kept on globalThis in development so hot reloads do not open a new pool each time.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/env";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/**
 * `poolSize`: this process's connection budget (DATABASE_POOL_SIZE). Web and worker instances each open up to
 * this many, so (web instances + worker instances) × DATABASE_POOL_SIZE + the crons' must stay under the
 * database's connection limit (docs/scaling.md has the arithmetic and when to put PgBouncer in front).
 */
export function createPrismaClient(opts: { poolSize?: number; applicationName?: string } = {}) {
  return new PrismaClient({
    adapter: new PrismaPg({
      connectionString: env.DATABASE_URL,
      max: opts.poolSize ?? env.DATABASE_POOL_SIZE,
      application_name: opts.applicationName,
    }),
    log: env.NODE_ENV === "development" ? ["warn", "error"] : ["error"],
  });
}

export const db = globalForPrisma.prisma ?? createPrismaClient();
if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;

export type Db = typeof db;
/** A client or an interactive transaction: domain functions accept either. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
