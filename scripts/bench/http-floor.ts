/**
 * The floor for `npm run bench:http`: a bare Node `http` server that answers GET /board?bounds=<json> with the
 * board's own SQL (`boardSql`, the text the service runs) through a plain `pg` pool of the same size as the app's,
 * serialized with JSON.stringify. No Next, no tRPC, no Prisma, no session. Prints "ready <port>".
 */
import { createServer } from "node:http";
import pg from "pg";
import { boardQuerySchema, boardSql } from "../../src/server/jobs/list-open-jobs";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  let sql;
  try {
    sql = boardSql(boardQuerySchema.parse({ bounds: JSON.parse(url.searchParams.get("bounds") ?? "") }), new Date());
  } catch {
    res.writeHead(400).end();
    return;
  }
  pool.query(sql.text, sql.values as unknown[]).then(
    ({ rows }) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ jobs: rows })),
    () => res.writeHead(500).end(),
  );
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`ready ${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => {
  server.close(() => void pool.end().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 2_000).unref();
});
