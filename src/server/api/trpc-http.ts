/**
 * /api/trpc over Node's own `http`: the web server (src/server/web-server.ts) answers every tRPC call here
 * before Next.js sees the request, and the claims benchmark's server (src/test/realtime-instance.ts) runs this same
 * handler, so `npm run bench:claims` measures what production runs. Going through Next's route handler cost a
 * second conversion of each call (Next's request → a fetch Request → tRPC's adapter) on the hottest path.
 *
 * Every process that serves the app runs web-server.ts (`npm start`, the dev server, the e2e runs), so there is no
 * Next route handler for /api/trpc. This handler does what that route did: the body read under API_MAX_BODY_BYTES (an upload that passes it is answered 413, and Node closes the
 * connection rather than read the rest: trpc-http.int.test.ts), Server-Timing, the request context, and the log of calls that failed before
 * any procedure ran. And what Next did for every answer it served: gzip or deflate when the browser accepts it
 * (the `compression` middleware Next itself uses), for queries (the board's answer: 17 kB → 1.5 kB). Each write is
 * flushed (Z_SYNC_FLUSH), so a streamed batch still reaches the browser procedure by procedure.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import compression from "compression";
import { appRouter } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { getSessionFromHeaders } from "@/server/auth/session";
import { logger } from "@/server/logger";
import { reportError } from "@/server/observability/error-reporting";
import { serverTimingHeader } from "@/server/observability/query-timing";
import { getRequestContext, newRequestTiming, REQUEST_ID_HEADER, requestIdFrom, runWithRequestContext } from "@/server/observability/request-context";
import { API_MAX_BODY_BYTES } from "@/server/security/request-body";

export const TRPC_HTTP_PATH = "/api/trpc/";

const handler = createHTTPHandler({
  router: appRouter,
  basePath: TRPC_HTTP_PATH,
  maxBodySize: API_MAX_BODY_BYTES,
  createContext: async ({ req }) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    return createTRPCContext({ headers, session: await getSessionFromHeaders(req.headers) });
  },
  // A streamed batch (httpBatchStreamLink) sends its headers before its procedures finish: its figures cover the
  // time until then.
  responseMeta: () => {
    const timing = getRequestContext()?.timing;
    return timing ? { headers: { "Server-Timing": serverTimingHeader(timing) } } : {};
  },
  // Procedure errors are logged and reported by the errorMapping middleware; this catches the 500s that happen
  // before any procedure runs (building the context, e.g. the session lookup failing).
  onError: ({ error, ctx, req }) => {
    if (ctx || error.code !== "INTERNAL_SERVER_ERROR") return;
    logger.error({ requestId: req.headers[REQUEST_ID_HEADER], err: error.cause ?? error }, "tRPC context failed");
    reportError(error.cause ?? error, { tags: { "trpc.stage": "context" } });
  },
});

// tRPC writes its answer without a Content-Length, so the size threshold cannot tell a small answer: queries (GET)
// are what grow (the board, lists); a mutation's answer is a few hundred bytes, and the hot claim pays no gzip.
const compress = compression({ flush: zlib.constants.Z_SYNC_FLUSH, filter: (req, res) => req.method === "GET" && compression.filter(req, res) });

export function isTrpcHttpPath(pathname: string): boolean {
  return pathname.startsWith(TRPC_HTTP_PATH);
}

/** Answers one tRPC call; the web server has stamped its request id on `req` (a direct caller gets a fresh one). */
export function handleTrpcHttp(req: IncomingMessage, res: ServerResponse): void {
  const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = requestId;
  runWithRequestContext({ ...getRequestContext(), requestId, timing: newRequestTiming() }, () =>
    // The middleware's types are Express's; it only uses what Node's own request and response have.
    compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => void handler(req, res)),
  );
}
