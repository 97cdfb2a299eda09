/** A Node tRPC client for tests and benchmarks: HTTP for queries/mutations, WebSocket for subscriptions. */
import { createTRPCClient, createWSClient, httpLink, splitLink, wsLink } from "@trpc/client";
import superjson from "superjson";
import WebSocket from "ws";
import type { AppRouter } from "@/server/api/root";

export function nodeClient(baseUrl: string, opts: { cookie?: string } = {}) {
  const headers = opts.cookie ? { cookie: opts.cookie } : undefined;
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const wsClient = createWSClient({
    url: baseUrl.replace(/^http/, "ws") + "/api/trpc-ws",
    WebSocket: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    retryDelayMs: () => 200,
  });
  const client = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: wsLink({ client: wsClient, transformer: superjson }),
        false: httpLink({ url: baseUrl + "/api/trpc", transformer: superjson, headers: () => headers ?? {} }),
      }),
    ],
  });
  return { client, close: () => wsClient.close() };
}
