/**
 * Without Sentry: every tRPC answer says where its time went (Server-Timing: total and database time), and a
 * query slower than the threshold is logged with its duration.
 */
import { describe, expect, it } from "vitest";
import { trpcHttp } from "@/test/trpc-http-fetch";
import { createPrismaClient } from "@/server/db";
import { createOpenJob, createUser } from "@/test/factories";
import { sessionCookieFor } from "@/test/realtime-harness";
import { addQueryTime, serverTimingHeader } from "./query-timing";
import { newRequestTiming, runWithRequestContext, type RequestTiming } from "./request-context";

function parseServerTiming(header: string | null) {
  const metrics = new Map<string, { dur: number; desc?: string }>();
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().split(";");
    const dur = Number(params.find((p) => p.startsWith("dur="))?.slice(4));
    const desc = params.find((p) => p.startsWith("desc="))?.slice(5).replaceAll('"', "");
    if (name) metrics.set(name, { dur, desc });
  }
  return metrics;
}

describe("Server-Timing on tRPC answers", () => {
  it("reports total and database time of a query and of a claim, the database part within the total", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER"]);
    const job = await createOpenJob(poster.id);

    const input = encodeURIComponent(JSON.stringify({ json: { jobId: job.id } }));
    const read = await trpcHttp(new Request(`http://x/api/trpc/jobs.byId?input=${input}`));
    expect(read.status).toBe(200);
    const readTiming = parseServerTiming(read.headers.get("server-timing"));
    expect(readTiming.get("db")?.desc).toMatch(/^[1-9]\d* quer(y|ies)$/);
    expect(readTiming.get("db")!.dur).toBeGreaterThan(0);
    expect(readTiming.get("total")!.dur).toBeGreaterThanOrEqual(readTiming.get("db")!.dur);

    const claim = await trpcHttp(new Request("http://x/api/trpc/jobs.claim", {
      method: "POST",
      headers: { cookie: await sessionCookieFor(scooper.id), "content-type": "application/json" },
      body: JSON.stringify({ json: { jobId: job.id } }),
    }));
    expect(claim.status).toBe(200);
    const claimTiming = parseServerTiming(claim.headers.get("server-timing"));
    // The session's user read and the claim's transaction at least.
    expect(Number(claimTiming.get("db")?.desc?.split(" ")[0])).toBeGreaterThanOrEqual(2);
    expect(claimTiming.get("total")!.dur).toBeGreaterThanOrEqual(claimTiming.get("db")!.dur);
  });

  it("answers refusals with the header too", async () => {
    const res = await trpcHttp(new Request("http://x/api/trpc/jobs.claim", {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ json: { jobId: "nope" } }),
    }));
    expect(res.status).toBe(401);
    expect(parseServerTiming(res.headers.get("server-timing")).has("total")).toBe(true);
  });
});

describe("slow query log", () => {
  it("logs a query at or over the threshold with its duration, and not a fast one", async () => {
    const lines: { message: string; durationMs: number; query: string }[] = [];
    const slowQueryLog = { warn: (fields: { durationMs: number; query: string }, message: string) => void lines.push({ ...fields, message }) };
    // A threshold other than the default (200 ms): 100 ms.
    const client = createPrismaClient({ poolSize: 1, slowQueryMs: 100, slowQueryLog });
    const timing = newRequestTiming();
    try {
      await runWithRequestContext({ requestId: "slow-1", timing }, async () => {
        await client.$executeRaw`SELECT pg_sleep(0.15)`;
        await client.$executeRaw`SELECT 1`;
      });
    } finally {
      await client.$disconnect();
    }
    expect(lines).toHaveLength(1);
    expect(lines[0]!.message).toBe("slow query");
    expect(lines[0]!.durationMs).toBeGreaterThanOrEqual(100);
    expect(lines[0]!.query).toContain("pg_sleep");
    expect(timing.queries).toBe(2);
    expect(timing.dbMs).toBeGreaterThanOrEqual(lines[0]!.durationMs);
  });
});

const timingAt = (startedAt: number): RequestTiming => ({ startedAt, dbMs: 0, queries: 0, dbBusyUntil: startedAt });

describe("database time of a request", () => {
  it("counts queries run side by side once, so it stays within the total", () => {
    const timing = timingAt(1000);
    // Three reads of a Promise.all: 1000–1050, 1010–1060, 1020–1055; then one alone: 1100–1120.
    addQueryTime(timing, 50, 1050);
    addQueryTime(timing, 35, 1055);
    addQueryTime(timing, 50, 1060);
    addQueryTime(timing, 20, 1120);
    expect(timing.queries).toBe(4);
    expect(timing.dbMs).toBe(80);
    expect(serverTimingHeader(timing, 1130)).toBe('total;dur=130.0, db;dur=80.0;desc="4 queries"');
  });

  it("leaves out the part of a query from before the request's timing began", () => {
    const timing = timingAt(1000);
    addQueryTime(timing, 30, 1010);
    expect(timing.dbMs).toBe(10);
  });
});
