/**
 * The claims benchmark's floor: a bare Node `http` server whose only work is the raw conditional UPDATE a claim
 * boils down to (no session, no rate limit, no timeline, no outbox, no Redis). `POST /claim` with
 * `{ jobId, scooperId }`; answers 200 when the row moved, 409 when it did not. Prints "ready <port>".
 */
import { createServer } from "node:http";
import pg from "pg";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const SQL = `UPDATE "CleanupJob" SET status = 'CLAIMED', "scooperId" = $2, "claimedAt" = now(), "updatedAt" = now()
  WHERE id = $1 AND status = 'OPEN' AND "expiresAt" > now()`;

const server = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    const { jobId, scooperId } = JSON.parse(body) as { jobId: string; scooperId: string };
    pool.query(SQL, [jobId, scooperId]).then(
      (r) => res.writeHead(r.rowCount === 1 ? 200 : 409, { "content-type": "application/json" }).end('{"ok":true}'),
      (err: Error) => res.writeHead(500).end(err.message),
    );
  });
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`ready ${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => void pool.end().finally(() => server.close(() => process.exit(0))));
