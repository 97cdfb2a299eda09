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
 *
 * `prepared: true` keeps the statements' plans: each is PREPAREd once per connection (named by a hash of its text)
 * and the batch sends `EXECUTE name(literals…)` instead of the text. Parsing and planning the claim's statement was
 * about half of PostgreSQL's CPU per claim (bench:claims; docs/scaling.md). A prepared statement lives in the
 * connection's session: where that session is not kept (a connection pooler in transaction mode, or a reset that
 * dropped it) the EXECUTE fails with "does not exist" and changes nothing, and the batch runs again as text on the
 * same connection. After a few such misses the process stops preparing and says so once in its log.
 */
import crypto from "node:crypto";
import * as Sentry from "@sentry/core";
import pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import { env } from "@/env";
import { poolOf, type Db } from "@/server/db";
import { logger } from "@/server/logger";
import { recordQuery } from "@/server/observability/query-timing";
import { tracingOn } from "@/server/observability/sentry-options";

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

/** Prepared statements by connection: the names PREPAREd on it. */
const preparedOn = new WeakMap<pg.PoolClient, Set<string>>();
// A statement missing where it was PREPAREd (26000), or whose cached plan no longer fits its tables after a
// migration (0A000, "cached plan must not change result type").
const PREPARED_GONE = new Set(["26000", "0A000"]);
const MISSES_BEFORE_GIVING_UP = 3;
let preparedMisses = 0;

const statementName = (text: string) => `scoop_${crypto.createHash("sha256").update(text).digest("hex").slice(0, 24)}`;

function executeSql(name: string, values: unknown[]): string {
  return values.length === 0 ? `EXECUTE ${name}` : `EXECUTE ${name}(${values.map(literal).join(", ")})`;
}

const lastRows = <Row>(results: pg.QueryResult | pg.QueryResult[]): Row[] =>
  (Array.isArray(results) ? results[results.length - 1]! : results).rows as Row[];

async function runPrepared(pool: pg.Pool, statements: Prisma.Sql[], text: string): Promise<pg.QueryResult | pg.QueryResult[]> {
  const client = await pool.connect();
  try {
    const known = preparedOn.get(client) ?? new Set<string>();
    preparedOn.set(client, known);
    const names = statements.map((s) => statementName(s.text));
    for (const [i, name] of names.entries()) {
      if (known.has(name)) continue;
      // 42P05: already there (a pooler handed over a server connection another client prepared it on).
      await client.query(`PREPARE ${name} AS ${statements[i]!.text}`).catch((err: { code?: string }) => {
        if (err.code !== "42P05") throw err;
      });
      known.add(name);
    }
    let results: pg.QueryResult | pg.QueryResult[];
    try {
      results = (await client.query(statements.map((s, i) => executeSql(names[i]!, s.values)).join(";\n"))) as unknown as pg.QueryResult[];
    } catch (err) {
      if (!PREPARED_GONE.has((err as { code?: string }).code ?? "")) throw err;
      // Nothing was written (the batch is one transaction). Forget this connection's statements and run the text.
      await client.query([...known].map((name) => `DEALLOCATE ${name}`).join(";\n")).catch(() => undefined);
      known.clear();
      if (++preparedMisses === MISSES_BEFORE_GIVING_UP) {
        logger.warn({ err }, "prepared statements keep disappearing (a pooler in transaction mode?): hot statements now run unprepared");
      }
      results = (await client.query(text)) as unknown as pg.QueryResult[];
    }
    client.release();
    return results;
  } catch (err) {
    // Like pool.query: a connection that failed a query is not reused.
    client.release(err as Error);
    throw err;
  }
}

/**
 * Runs `statements` in order as one transaction in one round trip; returns the rows of the last one. Throws the
 * database's error (and nothing was written) when any statement fails. `prepared`: see the top of this file.
 */
export async function runBatch<Row>(db: Db, statements: Prisma.Sql[], options: { prepared?: boolean } = {}): Promise<Row[]> {
  const pool = poolOf(db);
  if (!pool) throw new Error("runBatch needs a client made by createPrismaClient (src/server/db.ts)");
  const text = statements.map(inlineSql).join(";\n");
  const described = statements.map((s) => s.text).join(";\n");
  const prepare = options.prepared === true && preparedMisses < MISSES_BEFORE_GIVING_UP;
  const run = async () => {
    const started = performance.now();
    try {
      // Several statements: pg answers one result per statement.
      return lastRows<Row>(prepare ? await runPrepared(pool, statements, text) : ((await pool.query(text)) as unknown as pg.QueryResult[]));
    } finally {
      recordQuery({ query: described, duration: performance.now() - started }, env.SLOW_QUERY_MS);
    }
  };
  return tracingOn() ? Sentry.startSpan({ name: described, op: "db", attributes: { "db.system": "postgresql" } }, run) : run();
}
