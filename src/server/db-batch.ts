/**
 * Several SQL statements in one round trip, for the hottest transitions (the claim). Prisma sends a batch
 * transaction as BEGIN, each statement, COMMIT, waiting for each answer (four round trips for two statements) and
 * spends a few hundred microseconds of CPU per statement compiling and mapping it. Here the statements go to
 * PostgreSQL as one simple-protocol query string on the client's own pool: PostgreSQL runs a multi-statement
 * query as one implicit transaction (all or nothing), and under READ COMMITTED each statement still takes its
 * own snapshot, so a row lock taken by one statement is seen by the next one's reads exactly as in a
 * BEGIN … COMMIT block.
 *
 * The simple protocol has no parameters, so each value is written into the text as a literal (`literal` below:
 * quoted and escaped by the pg driver, or a finite number). Literals are untyped like Prisma's parameters, so
 * PostgreSQL infers each one's type from where it stands, as it does for `$1`. The span and the slow-query log
 * carry the statement with `$n` placeholders, never the values (they may be personal).
 */
import * as Sentry from "@sentry/core";
import pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import { env } from "@/env";
import { poolOf, type Db } from "@/server/db";
import { recordQuery } from "@/server/observability/query-timing";

/** One value as SQL text. Only the kinds the hot statements use; anything else is a programming error. */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string") {
    // PostgreSQL text cannot hold NUL; the driver would send a truncated literal.
    if (value.includes("\u0000")) throw new Error("NUL character in an SQL literal");
    return pg.escapeLiteral(value);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Non-finite number in an SQL literal: ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // Prisma sends a Date as its ISO text; an untyped literal of the same text resolves the same way.
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  throw new Error(`Unsupported SQL literal of type ${typeof value}`);
}

/** A `Prisma.sql` statement with its values written in. */
export function inlineSql(statement: Prisma.Sql): string {
  const { strings, values } = statement;
  let text = strings[0]!;
  for (let i = 0; i < values.length; i++) text += literal(values[i]) + strings[i + 1]!;
  return text;
}

/**
 * Runs `statements` in order as one transaction in one round trip; returns the rows of the last one. Throws the
 * database's error (and nothing was written) when any statement fails.
 */
export async function runBatch<Row>(db: Db, statements: Prisma.Sql[]): Promise<Row[]> {
  const pool = poolOf(db);
  if (!pool) throw new Error("runBatch needs a client made by createPrismaClient (src/server/db.ts)");
  const text = statements.map(inlineSql).join(";\n");
  const described = statements.map((s) => s.text).join(";\n");
  const run = async () => {
    const started = performance.now();
    try {
      // Several statements: pg answers one result per statement.
      const results = (await pool.query(text)) as unknown as pg.QueryResult | pg.QueryResult[];
      const last = Array.isArray(results) ? results[results.length - 1]! : results;
      return last.rows as Row[];
    } finally {
      recordQuery({ query: described, duration: performance.now() - started }, env.SLOW_QUERY_MS);
    }
  };
  return Sentry.hasSpansEnabled() ? Sentry.startSpan({ name: described, op: "db", attributes: { "db.system": "postgresql" } }, run) : run();
}
