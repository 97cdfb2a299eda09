/**
 * /api/trpc as the web server answers it (src/server/api/trpc-http.ts, before Next): a real Node HTTP server in this
 * process, a session cookie, the real claim.
 */
import { createServer, get, request, type Server } from "node:http";
import zlib from "node:zlib";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createOpenJob, createUser } from "@/test/factories";
import { sessionCookieFor } from "@/test/realtime-harness";
import { handleTrpcHttp, isTrpcHttpPath } from "./trpc-http";

let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (isTrpcHttpPath(req.url ?? "/")) return handleTrpcHttp(req, res);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`http://127.0.0.1:${port}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
}

const serverTimingQueries = (header: string | null) => Number(/db;dur=[\d.]+;desc="(\d+) quer/.exec(header ?? "")?.[1] ?? NaN);

describe("tRPC over the web server's Node handler", () => {
  it("claims for a signed-in scooper, with Server-Timing on the answer", async () => {
    const poster = await createUser(["CUSTOMER"]);
    const scooper = await createUser(["SCOOPER"]);
    const job = await createOpenJob(poster.id);
    const res = await post("/api/trpc/jobs.claim", JSON.stringify({ json: { jobId: job.id } }), { cookie: await sessionCookieFor(scooper.id)});
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: { json: { id: string } } } };
    expect(body.result.data.json.id).toBe(job.id);
    // The session's user read and the claim's batch at least.
    expect(serverTimingQueries(res.headers.get("server-timing"))).toBeGreaterThanOrEqual(2);
    await expect(db.cleanupJob.findUniqueOrThrow({ where: { id: job.id }, select: { status: true, scooperId: true } })).resolves.toEqual({ status: "CLAIMED", scooperId: scooper.id });
  });

  it("refuses a signed-out claim with 401 and the refusal's reason", async () => {
    const res = await post("/api/trpc/jobs.claim", JSON.stringify({ json: { jobId: "nope" } }));
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { json: { data: { code: string; reason: string } } } };
    expect(body.error.json.data).toMatchObject({ code: "UNAUTHORIZED", reason: "auth.signIn" });
    expect(res.headers.get("server-timing")).toMatch(/total;dur=/);
  });

  it("answers a call on its own and the same call in a batch alike, malformed JSON included", async () => {
    const single = await post("/api/trpc/jobs.claim", JSON.stringify({ json: { jobId: "nope" } }));
    const batched = await post("/api/trpc/jobs.claim?batch=1", JSON.stringify({ 0: { json: { jobId: "nope" } } }));
    expect([single.status, batched.status]).toEqual([401, 401]);
    const [one] = (await batched.json()) as [unknown];
    expect(await single.json()).toEqual(one);
    expect(single.headers.get("vary")).toBe(batched.headers.get("vary"));
    expect(single.headers.get("content-length")).not.toBeNull();

    const malformed = await post("/api/trpc/jobs.claim", "{ not json");
    expect(malformed.status).toBe(400);
    const body = (await malformed.json()) as { error: { json: { data: { code: string } } } };
    expect(body.error.json.data.code).toBe("BAD_REQUEST");
    expect(malformed.headers.get("server-timing")).toMatch(/total;dur=/);

    // A body that is not JSON is tRPC's handler's to refuse, as before.
    const plain = await post("/api/trpc/jobs.claim", JSON.stringify({ json: { jobId: "nope" } }), { "content-type": "text/plain" });
    expect(plain.status).toBe(415);
  });

  it("answers 413 to a chunked body over 1 MiB and closes the connection instead of reading the rest", async () => {
    const total = 20 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 65);
    const outcome = await new Promise<{ status: number; written: number }>((resolve) => {
      let status = 0;
      let written = 0;
      let closed = false;
      const req = request({ host: "127.0.0.1", port, path: "/api/trpc/accounts.signUp", method: "POST", headers: { "content-type": "application/json" } }, (res) => {
        status = res.statusCode ?? 0;
        res.resume();
      });
      const finish = () => {
        closed = true;
        resolve({ status, written });
      };
      req.on("error", finish);
      req.on("close", () => !closed && finish());
      const pump = () => {
        while (!closed && written < total) {
          written += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (written >= total && !closed) req.end();
      };
      pump();
    });
    expect(outcome.status).toBe(413);
    expect(outcome.written).toBeLessThan(total);
  });

  it("gzips a query's answer for a browser that accepts it, streamed batches too, and not a mutation's", async () => {
    const poster = await createUser(["CUSTOMER"]);
    for (let i = 0; i < 15; i++) await createOpenJob(poster.id, { lat: 40.68 + i / 1000 });
    const input = { json: { bounds: { south: 40.6, west: -74.1, north: 40.8, east: -73.8 }, limit: 50 } };
    const raw = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        get({ host: "127.0.0.1", port, path, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
        }).on("error", reject);
      });
    const single = `/api/trpc/jobs.openInViewport?input=${encodeURIComponent(JSON.stringify(input))}`;

    const gzipped = await raw(single, { "accept-encoding": "gzip" });
    expect(gzipped.status).toBe(200);
    expect(gzipped.encoding).toBe("gzip");
    const answer = JSON.parse(zlib.gunzipSync(gzipped.body).toString()) as { result: { data: { json: { jobs: unknown[] } } } };
    expect(answer.result.data.json.jobs).toHaveLength(15);

    const plain = await raw(single, {});
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(gzipped.body.length * 3);

    // The browser's httpBatchStreamLink: JSON lines, one per procedure as it finishes.
    const batch = `/api/trpc/jobs.openInViewport,jobs.openInViewport?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: input, 1: input }))}`;
    const streamed = await raw(batch, { "accept-encoding": "gzip", "trpc-accept": "application/jsonl" });
    expect(streamed.encoding).toBe("gzip");
    const text = zlib.gunzipSync(streamed.body).toString();
    expect(text.split("\n").filter((line) => line.includes('"jobs"'))).toHaveLength(2);

    // Mutations (a claim's answer is a few hundred bytes) are sent as they are.
    const claim = await fetch(`http://127.0.0.1:${port}/api/trpc/jobs.claim`, {
      method: "POST", headers: { "content-type": "application/json", "accept-encoding": "gzip" }, body: JSON.stringify({ json: { jobId: "nope" } }),
    });
    expect(claim.status).toBe(401);
    expect(claim.headers.get("content-encoding")).toBeNull();
  });
});
