/**
 * APM with Sentry: with a DSN and a trace sample rate, a claim sent over HTTP to the web server's tRPC handler
 * (src/server/api/trpc-http.ts, what production answers /api/trpc with) is one transaction: the request, the
 * session's read, the tRPC procedure span and the claim's database spans, tagged with the request id and
 * continuing the caller's trace; the worker's job for that claim is its own transaction carrying the same request
 * id, with its database spans (Sentry's Prisma integration). A tiny HTTP server plays Sentry's ingest endpoint.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as Sentry from "@sentry/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sentryServerOptions } from "@/server/observability/sentry-options";
import { db } from "@/server/db";
import { handleTrpcHttp } from "@/server/api/trpc-http";
import { createOpenJob, createUser } from "@/test/factories";
import { startFakeSentryIngest, type FakeIngest } from "@/test/fake-sentry-ingest";
import { sessionCookieFor } from "@/test/realtime-harness";
import { startQueueWorker } from "@/test/worker-harness";

type Span = { op?: string; description?: string; data?: Record<string, unknown> };
type Transaction = { type?: string; transaction?: string; contexts?: { trace?: { op?: string; trace_id?: string; data?: Record<string, unknown> } }; spans?: Span[] };

let ingest: FakeIngest;
let server: Server;
let port = 0;
const transactions = () => ingest.received.flatMap((r) => r.items).filter((i) => i.type === "transaction").map((i) => i.payload as Transaction);

beforeAll(async () => {
  ingest = await startFakeSentryIngest();
  const dsn = ingest.dsn;
  // A trace sample rate other than the default (0): everything. The fake ingest runs in this process too: its
  // own requests are not traced.
  // Its HTTP integration as @sentry/nextjs sets it up in the web process: no spans for incoming requests, which
  // Next traces itself (so a call that never reaches Next, /api/trpc, gets its transaction from trpc-http.ts).
  Sentry.init({
    ...sentryServerOptions("web", { dsn }),
    tracesSampleRate: 1,
    ignoreTransactions: [/envelope/],
    integrations: (defaults) => defaults.filter((i) => i.name !== "Http").concat(Sentry.httpIntegration({ disableIncomingRequestSpans: true })),
  });
  // The web server's tRPC path: a real Node HTTP server answering with the production handler.
  server = createServer((req, res) => handleTrpcHttp(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await Sentry.close(2_000);
  await ingest.close();
});

async function transactionMatching(predicate: (t: Transaction) => boolean): Promise<Transaction> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const found = transactions().find(predicate);
    if (found) return found;
    await Sentry.flush(500);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no matching transaction among ${transactions().length}: ${[...new Set(transactions().map((t) => `${t.transaction}(${t.contexts?.trace?.op})`))].join(", ")}`);
}

const attr = (t: Transaction, span: Span | undefined, key: string) => span?.data?.[key] ?? t.contexts?.trace?.data?.[key];

describe("tracing with Sentry", () => {
  it("a traced claim yields a transaction with the procedure and database spans, linked to the worker's job by request id", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER"]);
    const job = await createOpenJob(poster.id);
    const worker = await startQueueWorker("notifications");
    const requestId = `trace-${job.id}`;
    try {
      // The caller's trace (a browser or a proxy with tracing): the request's transaction continues it.
      const callerTrace = "0af7651916cd43dd8448eb211c80319c";
      const res = await fetch(`http://127.0.0.1:${port}/api/trpc/jobs.claim`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: await sessionCookieFor(scooper.id), "x-request-id": requestId, "sentry-trace": `${callerTrace}-b7ad6b7169203331-1` },
        body: JSON.stringify({ json: { jobId: job.id } }),
      });
      expect(res.status).toBe(200);

      const web = await transactionMatching((t) => t.transaction === "POST /api/trpc/jobs.claim" && t.contexts?.trace?.op === "http.server");
      expect(web.contexts?.trace?.trace_id).toBe(callerTrace);
      expect(web.contexts?.trace?.data?.request_id).toBe(requestId);
      const spans = web.spans ?? [];
      const procedure = spans.find((s) => s.description === "trpc/jobs.claim");
      expect(procedure, "the procedure's span is in the request's transaction").toBeDefined();
      expect(attr(web, procedure, "request_id")).toBe(requestId);
      const dbSpans = spans.filter((s) => s.op === "db" || s.op?.startsWith("db."));
      // The session's read (before the procedure runs) and the claim's batch are both in it.
      expect(dbSpans.some((s) => /FROM "User" WHERE id = \$1/.test(s.description ?? "") && /"sessionVersion"/.test(s.description ?? ""))).toBe(true);
      expect(dbSpans.some((s) => /UPDATE "CleanupJob"/.test(s.description ?? ""))).toBe(true);
      // No piece of the call became a transaction of its own.
      expect(transactions().filter((t) => t.transaction === "trpc/jobs.claim" || /^SELECT id, email/.test(t.transaction ?? ""))).toEqual([]);

      // The claim's notification, processed by the worker here, is its own transaction with the same request id.
      const queued = await transactionMatching((t) => t.contexts?.trace?.op === "queue.process" && t.contexts.trace.data?.request_id === requestId);
      expect(queued.transaction).toBe("notifications job-change");
      expect((queued.spans ?? []).some((s) => s.op === "db" || s.op?.startsWith("db."))).toBe(true);
      await expect(db.outboxMessage.count({ where: { payload: { path: ["jobId"], equals: job.id }, status: "DONE" } })).resolves.toBe(1);
    } finally {
      await worker.close();
    }
  });

  it("with a sample rate of 0, a call opens no transaction, even when its caller's trace says sampled", async () => {
    const options = Sentry.getClient()!.getOptions();
    const rate = options.tracesSampleRate;
    options.tracesSampleRate = 0;
    try {
      const poster = await createUser(["CUSTOMER"]);
      const scooper = await createUser(["SCOOPER"]);
      const job = await createOpenJob(poster.id);
      const requestId = `untraced-${job.id}`;
      const res = await fetch(`http://127.0.0.1:${port}/api/trpc/jobs.claim`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: await sessionCookieFor(scooper.id), "x-request-id": requestId, "sentry-trace": "1bf7651916cd43dd8448eb211c80319c-c7ad6b7169203331-1" },
        body: JSON.stringify({ json: { jobId: job.id } }),
      });
      expect(res.status).toBe(200);
      await Sentry.flush(2_000);
      expect(transactions().filter((t) => JSON.stringify(t).includes(requestId))).toEqual([]);
    } finally {
      options.tracesSampleRate = rate;
    }
  });
});
