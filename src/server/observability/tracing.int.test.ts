/**
 * APM with Sentry: with a DSN and a trace sample rate, a claim inside a request's transaction yields the tRPC
 * procedure span and database spans (Sentry's own tRPC middleware and Prisma integration), tagged with the
 * request id; the worker's job for that claim is its own transaction carrying the same request id, with its
 * database spans. A tiny HTTP server plays Sentry's ingest endpoint.
 */
import * as Sentry from "@sentry/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sentryServerOptions } from "@/server/observability/sentry-options";
import { db } from "@/server/db";
import { callerFor, createOpenJob, createUser } from "@/test/factories";
import { startFakeSentryIngest, type FakeIngest } from "@/test/fake-sentry-ingest";
import { startQueueWorker } from "@/test/worker-harness";
import { runWithRequestContext } from "./request-context";

type Span = { op?: string; description?: string; data?: Record<string, unknown> };
type Transaction = { type?: string; transaction?: string; contexts?: { trace?: { op?: string; data?: Record<string, unknown> } }; spans?: Span[] };

let ingest: FakeIngest;
const transactions = () => ingest.received.flatMap((r) => r.items).filter((i) => i.type === "transaction").map((i) => i.payload as Transaction);

beforeAll(async () => {
  ingest = await startFakeSentryIngest();
  const dsn = ingest.dsn;
  // A trace sample rate other than the default (0): everything. The fake ingest runs in this process too: its
  // own requests are not traced.
  Sentry.init({ ...sentryServerOptions("web", { dsn }), tracesSampleRate: 1, ignoreTransactions: [/envelope/] });
});

afterAll(async () => {
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
      // The web server's request transaction (Sentry's HTTP integration makes it in production), around the call.
      await Sentry.startSpan({ name: "POST /api/trpc/jobs.claim", op: "http.server", forceTransaction: true }, () =>
        runWithRequestContext({ requestId }, () => callerFor(scooper, new Headers({ "x-request-id": requestId })).jobs.claim({ jobId: job.id })),
      );

      const web = await transactionMatching((t) => t.transaction === "POST /api/trpc/jobs.claim" && (t.spans ?? []).some((s) => s.description === "trpc/jobs.claim"));
      const spans = web.spans ?? [];
      const procedure = spans.find((s) => s.description === "trpc/jobs.claim");
      expect(attr(web, procedure, "request_id")).toBe(requestId);
      const dbSpans = spans.filter((s) => s.op === "db" || s.op?.startsWith("db."));
      expect(dbSpans.length).toBeGreaterThanOrEqual(2);
      expect(dbSpans.some((s) => /UPDATE "CleanupJob"/.test(s.description ?? ""))).toBe(true);

      // The claim's notification, processed by the worker here, is its own transaction with the same request id.
      const queued = await transactionMatching((t) => t.contexts?.trace?.op === "queue.process" && t.contexts.trace.data?.request_id === requestId);
      expect(queued.transaction).toBe("notifications job-change");
      expect((queued.spans ?? []).some((s) => s.op === "db" || s.op?.startsWith("db."))).toBe(true);
      await expect(db.outboxMessage.count({ where: { payload: { path: ["jobId"], equals: job.id }, status: "DONE" } })).resolves.toBe(1);
    } finally {
      await worker.close();
    }
  });
});
