/**
 * tRPC over WebSockets on the web server's own port, at /api/trpc-ws. The upgrade is authenticated with the
 * same next-auth cookie as HTTP (one `createContext` for both), cross-site upgrades are refused (browsers
 * always send Origin), and keep-alive pings drop dead connections. Every other upgrade (Next's hot reload)
 * goes to `fallback`.
 */
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { applyWSSHandler } from "@trpc/server/adapters/ws";
import { WebSocketServer, type WebSocket } from "ws";
import { env } from "@/env";
import { appRouter } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { getSessionFromHeaders } from "@/server/auth/session";
import { logger } from "@/server/logger";
import { BoardFanout } from "./board-fanout";
import { SESSIONS_CHANNEL } from "./events";
import { closeRealtimeHub, listen } from "./hub";

export const WS_PATH = "/api/trpc-ws";

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(key, value);
    else if (Array.isArray(value)) headers.set(key, value.join(", "));
  }
  return headers;
}

export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser: cookies are the only credential and they are checked anyway
  try {
    const { host } = new URL(origin);
    return host === req.headers.host || host === new URL(env.APP_URL).host;
  } catch {
    return false;
  }
}

/** Close code sent when a user's sessions were revoked; the browser reconnects and is then anonymous or refused. */
export const SESSION_REVOKED_CLOSE = 4001;

export function attachWebSockets(server: Server, fallback?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  // Sockets by signed-in user, so a ban, suspension or password change ends that user's live connections at once.
  const socketsByUser = new Map<string, Set<WebSocket>>();
  // A sign-out ends one session: its sockets are found by the token's session id.
  const sessionIdOfSocket = new WeakMap<WebSocket, string>();
  // Each signed-in socket's upgrade headers (its session cookie), to check its session again after a resync.
  const headersOfSocket = new WeakMap<WebSocket, IncomingMessage["headers"]>();
  const stop = new AbortController();
  // One session lookup per connection, shared by tRPC's context and the board's lean path.
  const sessionOfSocket = new WeakMap<WebSocket, ReturnType<typeof getSessionFromHeaders>>();
  const sessionFor = (ws: WebSocket, req: IncomingMessage) => {
    let session = sessionOfSocket.get(ws);
    if (!session) sessionOfSocket.set(ws, (session = getSessionFromHeaders(req.headers)));
    return session;
  };
  const board = new BoardFanout(async (ws, req) => (await sessionFor(ws, req).catch(() => null))?.user.id ?? null);
  // Board subscriptions are answered by the fan-out (board-fanout.ts); the rest of each message goes on to tRPC.
  // ws emits "message" for tRPC's listener; this wrapper takes the board's part out first.
  wss.on("connection", (ws: WebSocket, req: IncomingMessage) => {
    const emit = ws.emit.bind(ws);
    ws.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (event === "message" && args[1] === false) {
        const raw = String(args[0]);
        if (raw.includes("onBoardChange") || raw.includes("subscription.stop")) {
          const rest = board.intercept(ws, req, raw);
          if (rest === null) return true;
          if (rest !== raw) args[0] = Buffer.from(rest);
        }
      }
      return emit(event, ...args);
    }) as typeof ws.emit;
  });
  void (async () => {
    for await (const event of await listen(SESSIONS_CHANNEL, stop.signal)) {
      const { type, userId, sessionId } = event.data as { type: string; userId: string; sessionId?: string };
      // The Redis subscriber was down and came back: revocations published meanwhile were never heard here.
      if (type === "resync") {
        void recheckOpenSessions().catch((err) => logger.error({ err }, "could not recheck sessions after a resync"));
        continue;
      }
      for (const ws of socketsByUser.get(userId) ?? []) {
        if (!sessionId || sessionIdOfSocket.get(ws) === sessionId) ws.close(SESSION_REVOKED_CLOSE, "session ended");
      }
    }
  })().catch((err) => logger.error({ err }, "session revocation listener stopped"));

  /** Every signed-in socket's session read again (ten at a time): a signed-out, banned or changed one is closed. */
  async function recheckOpenSessions(): Promise<void> {
    const open = [...socketsByUser].flatMap(([userId, sockets]) => [...sockets].map((ws) => ({ userId, ws })));
    let closed = 0;
    for (let i = 0; i < open.length; i += 10) {
      await Promise.all(open.slice(i, i + 10).map(async ({ userId, ws }) => {
        const headers = headersOfSocket.get(ws);
        const session = headers ? await getSessionFromHeaders(headers) : null;
        if (session?.user.id === userId) return;
        ws.close(SESSION_REVOKED_CLOSE, "session ended");
        closed++;
      }));
    }
    logger.info({ sockets: open.length, closed }, "rechecked live sessions after a real-time resync");
  }

  const handler = applyWSSHandler({
    wss,
    router: appRouter,
    createContext: async ({ req, res }) => {
      const session = await sessionFor(res, req);
      if (session) {
        const userId = session.user.id;
        let set = socketsByUser.get(userId);
        if (!set) socketsByUser.set(userId, (set = new Set()));
        set.add(res);
        headersOfSocket.set(res, req.headers);
        if (session.sessionId) sessionIdOfSocket.set(res, session.sessionId);
        res.once("close", () => {
          set.delete(res);
          if (set.size === 0) socketsByUser.delete(userId);
        });
      }
      return createTRPCContext({ headers: toHeaders(req), session });
    },
    keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 },
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ path, err: error }, "websocket procedure failed");
    },
  });

  server.on("upgrade", (req, socket, head) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (pathname !== WS_PATH) {
      if (fallback) fallback(req, socket, head);
      else socket.destroy();
      return;
    }
    if (!originAllowed(req)) {
      socket.write("HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n");
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  });

  return {
    wss,
    /** On shutdown: tell every client to reconnect (to another instance), then close. */
    async close() {
      stop.abort();
      board.close();
      handler.broadcastReconnectNotification();
      for (const client of wss.clients) client.close(1012, "server restarting");
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await closeRealtimeHub();
    },
  };
}
