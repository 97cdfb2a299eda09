/**
 * The web process: one Node HTTP server on one port serving tRPC over HTTP (/api/trpc/*, answered by
 * src/server/api/trpc-http.ts before Next runs) and Next.js (pages, route handlers).
 * tRPC subscriptions run over WebSockets on this same server (src/server/realtime/ws-server.ts); every
 * other upgrade (Next's hot reload in development) goes to Next's own upgrade handler.
 *
 * Every request gets a request id (the caller's `x-request-id` when it is a safe token, else a fresh one): it is
 * written back onto the request headers (so route handlers and the tRPC context see it), returned in the
 * response, and held in the request context for the logs. Sentry starts from src/instrumentation.ts.
 *
 * Run: `npm start` (after `npm run build`) or `npm run dev`.
 */
import crypto from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";

process.env.SCOOP_SERVICE ??= "web";
const { env } = await import("@/env");
const { logger } = await import("@/server/logger");
const { attachWebSockets } = await import("@/server/realtime/ws-server");
const { handleTrpcHttp, isTrpcHttpPath } = await import("@/server/api/trpc-http");
const { db } = await import("@/server/db");
const { boardIndex, closeBoardIndex } = await import("@/server/jobs/board-index");
const { REQUEST_ID_HEADER, requestIdFrom, runWithRequestContext } = await import("@/server/observability/request-context");
const { CLIENT_IP_HEADER, resolveClientIp } = await import("@/server/security/client-ip");
const { brotliStaticAsset, warmBrotliCache } = await import("@/server/static-brotli");
const { contentSecurityPolicy, hasSessionCookie, isCrossSiteWrite, publicCacheControl, securityHeaders, withVary } = await import("@/server/security/http-policy");

const dev = env.NODE_ENV === "development";
const app = next({ dev, hostname: env.HOSTNAME, port: env.PORT, turbopack: dev });
const handle = app.getRequestHandler();
await app.prepare();
const upgradeNext = app.getUpgradeHandler();

const policy = { appUrl: env.APP_URL, dev, tileUrl: env.NEXT_PUBLIC_MAP_TILE_URL, sentryDsn: env.NEXT_PUBLIC_SENTRY_DSN, assetPrefix: env.ASSET_PREFIX };

const server = createServer((req, res) => {
  const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  req.headers[REQUEST_ID_HEADER] = requestId;
  // Overwrites whatever a client sent under this name: rate limits trust only this value.
  const forwardedFor = req.headers["x-forwarded-for"];
  req.headers[CLIENT_IP_HEADER] = resolveClientIp(Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor, req.socket.remoteAddress, env.TRUST_PROXY_HOPS);
  res.setHeader(REQUEST_ID_HEADER, requestId);
  // Browser policy (src/server/security/http-policy.ts). Next reads the nonce from the request's CSP header.
  const csp = contentSecurityPolicy(crypto.randomBytes(16).toString("base64"), policy);
  req.headers["content-security-policy"] = csp;
  for (const [name, value] of Object.entries(securityHeaders(csp, policy))) res.setHeader(name, value);
  if (hasSessionCookie(req.headers.cookie)) res.setHeader("Cache-Control", "private, no-store");
  const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
  const site = req.headers["sec-fetch-site"];
  if (isCrossSiteWrite(req.method ?? "GET", pathname, { origin: req.headers.origin, "sec-fetch-site": Array.isArray(site) ? site[0] : site }, env.APP_URL)) {
    res.writeHead(403, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: "FORBIDDEN", message: "Requests from other sites are refused." } }));
    return;
  }
  // The build's files are public and named by their content: any site may read them. A CDN in front (ASSET_PREFIX)
  // passes this on, which fonts and the service worker's precache need from another origin.
  if (pathname.startsWith("/_next/static/")) res.setHeader("Access-Control-Allow-Origin", "*");
  if (!dev && (req.method === "GET" || req.method === "HEAD") && pathname.startsWith("/_next/static/")) {
    void brotliStaticAsset(pathname, req.headers["accept-encoding"]).then((asset) => {
      if (!asset) return toApp(req, res, pathname, requestId);
      res.writeHead(200, {
        "content-type": asset.contentType,
        "content-encoding": "br",
        "content-length": asset.body.length,
        vary: "Accept-Encoding",
        "cache-control": "public, max-age=31536000, immutable",
      });
      res.end(req.method === "HEAD" ? undefined : asset.body);
    });
    return;
  }
  toApp(req, res, pathname, requestId);
});

/** Everything but a brotli chunk: tRPC or Next, with the caching rules of public answers. */
function toApp(req: IncomingMessage, res: ServerResponse, pathname: string, requestId: string) {
  const publicCache = publicCacheControl(req.method ?? "GET", pathname, req.headers.cookie);
  if (publicCache) {
    // Next writes its own Cache-Control (no-store for a dynamic page, max-age=0 for a public file) just before
    // the headers go out; a successful public answer says how long it may be kept instead.
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => typeof res;
    res.writeHead = ((...args: unknown[]) => {
      const status = typeof args[0] === "number" ? args[0] : res.statusCode;
      if (status === 200) {
        res.setHeader("Cache-Control", publicCache.cacheControl);
        const vary = withVary(res.getHeader("Vary")?.toString(), publicCache.vary);
        if (vary) res.setHeader("Vary", vary);
      }
      return writeHead(...args);
    }) as typeof res.writeHead;
  }
  // tRPC calls go straight to tRPC's Node handler (src/server/api/trpc-http.ts), the rest to Next.
  if (isTrpcHttpPath(pathname)) return runWithRequestContext({ requestId }, () => handleTrpcHttp(req, res));
  runWithRequestContext({ requestId }, () => void handle(req, res));
}
const sockets = attachWebSockets(server, (req, socket, head) => void upgradeNext(req, socket, head));

server.listen(env.PORT, env.HOSTNAME, () => {
  logger.info({ url: `http://localhost:${env.PORT}`, dev }, "web ready");
  // Build the board's cluster index now rather than on the first zoomed-out map (it retries then if this fails).
  void boardIndex(db).catch((err) => logger.warn({ err }, "board index not built at start"));
  // The build's chunks in brotli, compressed off the event loop before browsers ask (src/server/static-brotli.ts).
  if (!dev) void warmBrotliCache().catch((err) => logger.warn({ err }, "brotli cache not warmed at start"));
});

let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "web shutting down");
  closeBoardIndex();
  void sockets.close().catch((err) => logger.error({ err }, "closing websockets failed"));
  server.close(() => process.exit(0));
  // Keep-alive connections can hold close() open; give in-flight requests a moment, then go.
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
// Sentry's own handler (when enabled) reports these; the log line makes them visible without Sentry too.
process.on("unhandledRejection", (err) => logger.error({ err }, "unhandled rejection"));
