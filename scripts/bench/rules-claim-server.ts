/**
 * The claims benchmark's second floor: a bare Node `http` server doing what a claim must do in the database and
 * nothing else — the session's read (the user, its account state and whether this session was signed out:
 * src/server/auth/session.ts) and the claim's transaction with every rule (`claimInDatabase`: the lock, the guarded
 * UPDATE, the timeline event and the outbox row, prepared as in production). No tRPC, no cookie, no rate limit, no
 * Redis. `POST /claim` with `{ jobId, scooperId, sid }`; answers 200 when the job was claimed, 401 for no session,
 * 409 when the claim was refused, 500 when it failed otherwise. Prints "ready <port>".
 */
import { createServer } from "node:http";
import { loadSession } from "@/server/auth/session";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { claimInDatabase } from "@/server/jobs/claim-job";

const server = createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString()));
  req.on("end", () => {
    const { jobId, scooperId, sid } = JSON.parse(body) as { jobId: string; scooperId: string; sid: string };
    void (async () => {
      const session = await loadSession({ uid: scooperId, sv: 0, sid });
      if (!session) return 401;
      // A refusal (AppError) is 409; anything else is a failure of the server and answers 500 below.
      return claimInDatabase(db, session.user, jobId).then(() => 200, (err: unknown) => (err instanceof AppError ? 409 : Promise.reject(err)));
    })().then(
      (status) => res.writeHead(status, { "content-type": "application/json" }).end('{"ok":true}'),
      (err: Error) => res.writeHead(500).end(err.message),
    );
  });
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`ready ${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => void db.$disconnect().finally(() => server.close(() => process.exit(0))));
