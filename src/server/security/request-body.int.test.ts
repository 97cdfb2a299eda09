/** Issue 20: a body is cut at its cap while it streams, whatever Content-Length says (or without one). */
import { describe, expect, it } from "vitest";
import { POST as uploadPhoto } from "@/app/api/jobs/[id]/photos/route";
import { env } from "@/env";
import { createJobInState, createUser } from "@/test/factories";
import { sessionCookieFor } from "@/test/realtime-harness";

/** A chunked body of `totalBytes` (64 KiB chunks) that records how much of it was pulled. */
function endlessBody(totalBytes: number) {
  const chunk = new Uint8Array(64 * 1024).fill(65);
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= totalBytes) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

const post = (url: string, body: ReadableStream<Uint8Array>, headers: Record<string, string>) =>
  new Request(url, { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("capped request bodies", () => {
  it("cuts a chunked photo upload at PHOTO_MAX_BYTES instead of reading it all", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const job = await createJobInState(customer, "OPEN");
    const { stream, pulled } = endlessBody(4 * env.PHOTO_MAX_BYTES);
    const req = post(`http://x/api/jobs/${job.id}/photos`, stream, {
      cookie: await sessionCookieFor(customer.id),
      "content-type": "multipart/form-data; boundary=xyz",
    });
    const res = await uploadPhoto(req, { params: Promise.resolve({ id: job.id }) });
    expect(res.status).toBe(413);
    expect(pulled.bytes).toBeLessThan(env.PHOTO_MAX_BYTES + 512 * 1024);
  });

  // A chunked tRPC call over 1 MiB: src/server/api/trpc-http.int.test.ts (the web server's own handler).
});

describe("upload rate limit", () => {
  it("refuses the 61st upload attempt in an hour with 429", async () => {
    const customer = await createUser(["CUSTOMER"]);
    const job = await createJobInState(customer, "OPEN");
    const cookie = await sessionCookieFor(customer.id);
    const attempt = () =>
      uploadPhoto(new Request(`http://x/api/jobs/${job.id}/photos`, { method: "POST", body: "x", headers: { cookie } }), { params: Promise.resolve({ id: job.id }) });
    const statuses = [];
    for (let i = 0; i < 61; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 60).every((s) => s === 400)).toBe(true);
    expect(statuses[60]).toBe(429);
  });
});
