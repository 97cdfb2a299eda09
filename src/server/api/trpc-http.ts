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
 * flushed (Z_SYNC_FLUSH), so a streamed batch still reaches the browser procedure by procedure. A call sent on its
 * own (a POST without `?batch=1`: the claim) takes a shorter way to the same `resolveResponse` (`answerSingleCall`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import zlib from "node:zlib";
import * as Sentry from "@sentry/core";
import { TRPCError } from "@trpc/server";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { resolveResponse } from "@trpc/server/http";
import compression from "compression";
import { appRouter } from "@/server/api/root";
import { createTRPCContext } from "@/server/api/trpc";
import { getSessionFromHeaders } from "@/server/auth/session";
import { logger } from "@/server/logger";
import { reportError } from "@/server/observability/error-reporting";
import { serverTimingHeader } from "@/server/observability/query-timing";
import { getRequestContext, newRequestTiming, REQUEST_ID_HEADER, requestIdFrom, runWithRequestContext } from "@/server/observability/request-context";
import { tracingOn } from "@/server/observability/sentry-options";
import { API_MAX_BODY_BYTES } from "@/server/security/request-body";

export const TRPC_HTTP_PATH = "/api/trpc/";

/** The Headers every procedure reads (`ctx.headers`), from Node's own. */
function toHeaders(incoming: IncomingMessage["headers"]): Headers {
  const headers = new Headers();
  for (const name in incoming) {
    const value = incoming[name];
    // HTTP/2 pseudo-headers (":path") are not header names.
    if (value !== undefined && !name.startsWith(":")) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

const createContext = async (req: IncomingMessage, headers: Headers) =>
  createTRPCContext({ headers, session: await getSessionFromHeaders(req.headers) });

// A streamed batch (httpBatchStreamLink) sends its headers before its procedures finish: its figures cover the
// time until then.
const responseMeta = () => {
  const timing = getRequestContext()?.timing;
  return timing ? { headers: { "Server-Timing": serverTimingHeader(timing) } } : {};
};

// Procedure errors are logged and reported by the errorMapping middleware; this catches the 500s that happen
// before any procedure runs (building the context, e.g. the session lookup failing).
const onError = ({ error, ctx, req }: { error: TRPCError; ctx?: unknown; req: IncomingMessage }) => {
  if (ctx || error.code !== "INTERNAL_SERVER_ERROR") return;
  logger.error({ requestId: req.headers[REQUEST_ID_HEADER], err: error.cause ?? error }, "tRPC context failed");
  reportError(error.cause ?? error, { tags: { "trpc.stage": "context" } });
};

const handler = createHTTPHandler({
  router: appRouter,
  basePath: TRPC_HTTP_PATH,
  maxBodySize: API_MAX_BODY_BYTES,
  createContext: ({ req }) => createContext(req, toHeaders(req.headers)),
  responseMeta,
  onError,
});

/**
 * One call on its own (`POST /api/trpc/<path>`, no query string: a mutation the client did not batch, like the
 * claim), through the same `resolveResponse` as the handler above — same router, context, middlewares, error shape
 * and status codes — without what tRPC's Node adapter builds around it for the general case: a fetch `Request` with
 * a streamed body and a second copy of the headers going in, and a `WritableStream` piped chunk by chunk going out
 * (12–20 % of the web process's CPU per claim in bench:claims). The body is read here under the same cap (over it,
 * the same 413 answer, and the rest is not read), and the answer, always complete for a POST (mutations only, no
 * streams), goes out in one write with its Content-Length.
 */
function answerSingleCall(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  // The procedure's signal: a client that goes away before its answer aborts it. Aborting after the answer is sent,
  // as tRPC's adapter does on every close, only costs an abort event per call.
  const aborted = new AbortController();
  res.once("close", () => res.writableFinished || aborted.abort());
  const headers = toHeaders(req.headers);
  const body = readJsonBody(req, API_MAX_BODY_BYTES);
  // What resolveResponse reads of a request; it calls `json()` at most once.
  const request = { method: "POST", url: url.href, headers, signal: aborted.signal, json: () => body } as unknown as Request;
  return resolveResponse({
    router: appRouter,
    req: request,
    path: url.pathname.slice(TRPC_HTTP_PATH.length),
    error: null,
    createContext: () => createContext(req, headers),
    responseMeta,
    onError: (o) => onError({ ...o, req }),
  }).then(async (response) => {
    if (res.statusCode === 200) res.statusCode = response.status;
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.end(await response.text());
  });
}

/** The parsed JSON body, or the errors tRPC's adapter gives: PAYLOAD_TOO_LARGE over `maxBytes`, a SyntaxError. */
function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const read = new Promise<unknown>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      req.off("data", onData).off("end", onEnd);
      reject(new TRPCError({ code: "PAYLOAD_TOO_LARGE" }));
    };
    const onEnd = () => {
      req.off("data", onData).off("end", onEnd);
      try {
        const text = Buffer.concat(chunks, size).toString("utf8");
        // fetch's `json()` drops a byte-order mark.
        resolve(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
      } catch (err) {
        reject(err);
      }
    };
    req.on("data", onData).on("end", onEnd);
  });
  read.catch(() => undefined); // a call refused before its input is read never asks for it
  return read;
}

// tRPC writes its answer without a Content-Length, so the size threshold cannot tell a small answer: queries (GET)
// are what grow (the board, lists); a mutation's answer is a few hundred bytes, and the hot claim pays no gzip.
const compress = compression({ flush: zlib.constants.Z_SYNC_FLUSH, filter: (req, res) => req.method === "GET" && compression.filter(req, res) });

/**
 * The URL of a single call: a POST of JSON without a query string (a batch has `?batch=1`); `compress` passes every
 * POST by. Null for the rest — other bodies (form data, bytes, none) and a URL that does not parse are tRPC's
 * handler's to answer.
 */
function singleCallUrl(req: IncomingMessage): URL | null {
  if (req.method !== "POST" || req.url?.includes("?") !== false || !req.headers["content-type"]?.startsWith("application/json")) return null;
  try {
    return new URL(req.url, `http://${req.headers.host ?? "localhost"}`);
  } catch {
    return null;
  }
}

/** resolveResponse answers every error itself; this is for a failure writing that answer. */
function failed(req: IncomingMessage, res: ServerResponse, err: unknown): void {
  logger.error({ requestId: req.headers[REQUEST_ID_HEADER], err }, "tRPC answer failed");
  reportError(err, { tags: { "trpc.stage": "answer" } });
  if (!res.headersSent) res.writeHead(500).end();
  else res.destroy();
}

export function isTrpcHttpPath(pathname: string): boolean {
  return pathname.startsWith(TRPC_HTTP_PATH);
}

/** Answers one tRPC call; the web server has stamped its request id on `req` (a direct caller gets a fresh one). */
export function handleTrpcHttp(req: IncomingMessage, res: ServerResponse): void {
  const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = requestId;
  const singleCall = singleCallUrl(req);
  const answer = (): void =>
    void runWithRequestContext({ ...getRequestContext(), requestId, timing: newRequestTiming() }, () =>
      singleCall
        ? void answerSingleCall(req, res, singleCall).catch((err: unknown) => failed(req, res, err))
        : // The middleware's types are Express's; it only uses what Node's own request and response have.
          compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => void handler(req, res)),
    );
  if (tracingOn()) traceRequest(req, res, requestId, answer);
  else answer();
}

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * With Sentry tracing on, the call's HTTP request is its transaction (op `http.server`), continuing the caller's
 * trace (`sentry-trace`, `baggage`), with the session's read, the procedure span and its database spans under it.
 * Next's own requests get theirs from Next's tracing, but these calls never reach Next, and Sentry's HTTP
 * integration leaves incoming requests to Next in the web process: without this, each procedure and the
 * session's read were separate transactions. It ends when the answer is sent (or the client leaves).
 */
function traceRequest(req: IncomingMessage, res: ServerResponse, requestId: string, answer: () => void): void {
  const path = (req.url ?? "/").split("?")[0]!;
  const method = req.method ?? "GET";
  // A batch's path lists its procedures (`/api/trpc/a,b`): one name for every batch, so names stay few.
  const name = path.includes(",") ? `${method} /api/trpc/[batch]` : `${method} ${path}`;
  Sentry.continueTrace({ sentryTrace: header(req.headers["sentry-trace"]), baggage: header(req.headers.baggage) }, () =>
    Sentry.startSpanManual(
      {
        name,
        op: "http.server",
        forceTransaction: true,
        attributes: { "http.request.method": method, "url.path": path, "sentry.source": "route", request_id: requestId },
      },
      (span) => {
        res.once("close", () => {
          // A client that left before the whole answer was sent: cancelled, whatever status was already written.
          if (res.writableFinished) Sentry.setHttpStatus(span, res.statusCode);
          else span.setStatus({ code: 2, message: "cancelled" });
          span.end();
        });
        answer();
      },
    ),
  );
}
