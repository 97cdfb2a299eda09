/**
 * The floor for `npm run bench:realtime`: Redis SUBSCRIBE → `ws` broadcast to every client, with no tRPC, no
 * event log and no filtering. Prints "ready <port>".
 */
import { createServer } from "node:http";
import { Redis } from "ioredis";
import { WebSocketServer } from "ws";

const channel = process.argv[2]!;
const server = createServer();
const wss = new WebSocketServer({ server });
const sub = new Redis(process.env.REDIS_URL!);
await sub.subscribe(channel);
sub.on("message", (_c, message) => {
  for (const client of wss.clients) client.send(message);
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`ready ${typeof address === "object" && address ? address.port : 0}`);
});
process.on("SIGTERM", () => {
  sub.disconnect();
  server.close(() => process.exit(0));
});
