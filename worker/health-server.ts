/**
 * The worker's health port (WORKER_HEALTH_PORT): `GET /health` (liveness) and `GET /ready` (the same readiness
 * as the web's /api/health/ready, so the worker's own heartbeat age shows whether its queues are processed).
 * Anything else is 404. Port 0 here means "any free port" (tests); worker/index.ts skips the server when the
 * configured port is 0.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { checkLiveness, checkReadiness, type ReadinessReport } from "@/server/system/health";

export type HealthServer = { port: number; close: () => Promise<void> };

export async function startHealthServer(opts: {
  port: number;
  host?: string;
  readiness?: () => Promise<ReadinessReport>;
}): Promise<HealthServer> {
  const readiness = opts.readiness ?? (() => checkReadiness());
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    };
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET") return send(405, { error: "method not allowed" });
    if (path === "/health") return send(200, checkLiveness("worker"));
    if (path === "/ready") {
      readiness().then(
        (report) => send(report.ok ? 200 : 503, report),
        (err: unknown) => send(503, { ok: false, error: err instanceof Error ? err.message : "readiness failed" }),
      );
      return;
    }
    send(404, { error: "not found" });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "0.0.0.0", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
