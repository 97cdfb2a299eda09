/**
 * A web instance for real-time tests: tRPC over HTTP (/api/trpc) and WebSockets (/api/trpc-ws) on one port,
 * built from the same router, context and WebSocket attachment as the real web server, without Next.
 * Prints "ready <port>" when listening. Used by realtime.int.test.ts to run two instances on one Redis.
 */
import { createServer } from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { appRouter } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { getSessionFromHeaders } from "@/server/auth/session";
import { attachWebSockets } from "@/server/realtime/ws-server";

const trpcHandler = createHTTPHandler({
  router: appRouter,
  basePath: "/api/trpc/",
  createContext: async ({ req }) =>
    createTRPCContext({ headers: new Headers(req.headers as Record<string, string>), session: await getSessionFromHeaders(req.headers) }),
});

const server = createServer((req, res) => {
  if (req.url?.startsWith("/api/trpc/")) return trpcHandler(req, res);
  res.statusCode = 404;
  res.end();
});
const sockets = attachWebSockets(server);
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`ready ${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => {
  void sockets.close().finally(() => server.close(() => process.exit(0)));
});
