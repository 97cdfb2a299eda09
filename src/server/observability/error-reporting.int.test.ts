/**
 * Error reports reach Sentry through the real code paths (the tRPC middleware and the worker's failed-job
 * handler) and carry ids but no personal data. A tiny HTTP server on 127.0.0.1 plays Sentry's ingest endpoint.
 */
import * as Sentry from "@sentry/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallerFactory, createTRPCContext, createTRPCRouter, protectedProcedure } from "@/server/api/trpc";
import { AppError } from "@/server/errors";
import { sentryServerOptions } from "@/server/observability/sentry-options";
import { enqueue } from "@/server/queues/queues";
import { startFakeSentryIngest, type FakeIngest } from "@/test/fake-sentry-ingest";
import { useInProcessWorker, withSystemProcessor } from "@/test/worker";
import { runWithRequestContext } from "./request-context";

type SentryEvent = { exception?: { values?: { value?: string }[] }; user?: { id?: string }; tags?: Record<string, string> };

let ingest: FakeIngest;
const received = () => ingest.received.map((r) => ({ raw: r.raw, events: r.items.filter((i) => i.type === "event").map((i) => i.payload as SentryEvent) }));

async function eventMatching(predicate: (e: SentryEvent) => boolean): Promise<{ raw: string; event: SentryEvent }> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    await Sentry.flush(1_000);
    for (const r of received()) {
      const event = r.events.find(predicate);
      if (event) return { raw: r.raw, event };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no matching Sentry event among ${received().length} envelope(s)`);
}

const messageOf = (e: SentryEvent) => e.exception?.values?.map((v) => v.value).join(" ") ?? "";

beforeAll(async () => {
  ingest = await startFakeSentryIngest();
  Sentry.init(sentryServerOptions("web", { dsn: ingest.dsn }));
});

afterAll(async () => {
  await Sentry.close(2_000);
  await ingest.close();
});

describe("error reporting", () => {
  const user = { id: "user-sentry-1", email: "jane.customer@example.test", roles: ["CUSTOMER" as const] };
  const router = createTRPCRouter({
    explode: protectedProcedure.mutation(({ ctx }) => {
      throw new Error(`ledger exploded while charging ${ctx.session.user.email}`);
    }),
    missing: protectedProcedure.query(() => {
      throw new AppError("NOT_FOUND", "job.notFound");
    }),
  });
  const caller = createCallerFactory(router)(
    createTRPCContext({ headers: new Headers({ "x-request-id": "req-sentry-1" }), session: { user } }),
  );

  it("reports a tRPC internal error with the user id and request id, without the user's email", async () => {
    await expect(caller.explode()).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
    const { raw, event } = await eventMatching((e) => messageOf(e).includes("ledger exploded"));
    expect(messageOf(event)).toBe("ledger exploded while charging [email]");
    expect(event.user).toEqual({ id: "user-sentry-1" });
    expect(event.tags).toMatchObject({ request_id: "req-sentry-1", "trpc.path": "explode", service: "web" });
    expect(raw).not.toContain("jane.customer");
  });

  it("does not report domain errors (4xx)", async () => {
    await expect(caller.missing()).rejects.toMatchObject({ code: "NOT_FOUND" });
    await Sentry.flush(2_000);
    expect(received().flatMap((r) => r.events).some((e) => messageOf(e).includes("No such job."))).toBe(false);
  });

  describe("worker", () => {
    const worker = useInProcessWorker({ schedules: false });

    it("reports a job that failed its last attempt with the job id and the enqueueing request's ids", async () => {
      const failing = () => async () => {
        throw new Error("heartbeat store unavailable for ops@example.test");
      };
      await withSystemProcessor(failing, async () => {
        const job = await runWithRequestContext({ requestId: "req-sentry-job-1", userId: "user-sentry-2" }, () =>
          enqueue("system", { kind: "heartbeat" }, { attempts: 1 }),
        );
        await expect(job.waitUntilFinished(worker.events, 10_000)).rejects.toThrow(/heartbeat store unavailable/);
        const { raw, event } = await eventMatching((e) => messageOf(e).includes("heartbeat store unavailable"));
        expect(event.tags).toMatchObject({ queue: "system", job_id: job.id, request_id: "req-sentry-job-1", "job.name": "heartbeat" });
        expect(event.user).toEqual({ id: "user-sentry-2" });
        expect(raw).not.toContain("ops@example.test");
      });
    });
  });
});
