/**
 * A web instance for real-time tests and the claims benchmark: tRPC over HTTP (/api/trpc, the web server's own
 * handler, src/server/api/trpc-http.ts) and WebSockets (/api/trpc-ws) on one port, without Next.
 * Prints "ready <port>" when listening. Used by realtime.int.test.ts to run two instances on one Redis.
 */
import { createServer } from "node:http";
import { handleTrpcHttp, isTrpcHttpPath } from "@/server/api/trpc-http";
import { db } from "@/server/db";
import { attachWebSockets } from "@/server/realtime/ws-server";

const server = createServer((req, res) => {
  if (isTrpcHttpPath(req.url ?? "/")) return handleTrpcHttp(req, res);
  res.statusCode = 404;
  res.end();
});
const sockets = attachWebSockets(server);
// Prisma loads its query compiler on its first query. The web server makes one at start (the board index); so does
// this instance, so a first subscription is not slowed by it.
await db.cleanupJob.findFirst({ select: { id: true } });
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`ready ${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => {
  void sockets.close().finally(() => server.close(() => process.exit(0)));
});
