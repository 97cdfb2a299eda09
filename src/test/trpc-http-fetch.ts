/**
 * Sends a fetch `Request` to /api/trpc as production answers it: the web server's own tRPC handler
 * (src/server/api/trpc-http.ts) on a private loopback port in this process, started on first use. Tests that build
 * Requests (the fuzz test, error wording, Server-Timing) exercise the same code as the browser's calls.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { handleTrpcHttp, isTrpcHttpPath } from "@/server/api/trpc-http";

let base: Promise<string> | null = null;

function start(): Promise<string> {
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => {
      if (isTrpcHttpPath(req.url ?? "/")) return handleTrpcHttp(req, res);
      res.writeHead(404).end();
    });
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
    // The test file's process ends when its tests do; the server does not hold it open.
    server.unref();
  });
}

/** Answers `req` (any host in its URL; only the path and query are used) through the production handler. */
export async function trpcHttp(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : await req.arrayBuffer();
  return fetch(`${await (base ??= start())}${url.pathname}${url.search}`, { method: req.method, headers: req.headers, body, redirect: "manual" });
}
