import { Writable } from "node:stream";
import { describe, expect, it, vi } from "vitest";

process.env.DATABASE_URL ??= "postgresql://unused@127.0.0.1/unused";
process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
const { createLogger } = await import("@/server/logger");
const { requestIdFrom, runWithRequestContext } = await import("./request-context");

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

describe("request context", () => {
  it("is one store per process: a context opened by one copy of the module is read by another", async () => {
    // The web server's copy opens it; Next's compiled bundles (route handlers, pages) carry their own copy.
    vi.resetModules();
    const other = await import("./request-context");
    expect(other.runWithRequestContext).not.toBe(runWithRequestContext);
    expect(runWithRequestContext({ requestId: "req-shared" }, () => other.getRequestContext()?.requestId)).toBe("req-shared");
  });

  it("puts the request id (and user, queue, job ids) on every log line written inside it", async () => {
    const { logger, lines } = capture();
    logger.info("outside");
    await runWithRequestContext({ requestId: "req-1", userId: "u-1", queue: "system", jobId: "7" }, async () => {
      await Promise.resolve();
      logger.info("inside");
    });
    expect(lines[0]).not.toHaveProperty("requestId");
    expect(lines[1]).toMatchObject({ msg: "inside", requestId: "req-1", userId: "u-1", queue: "system", jobId: "7" });
  });

  it("accepts a caller's plain request id and replaces anything else with a fresh one", () => {
    expect(requestIdFrom("abc-123_x.y:z")).toBe("abc-123_x.y:z");
    expect(requestIdFrom(["first", "second"])).toBe("first");
    for (const bad of [undefined, null, "", "has space", "x".repeat(129), "line\nbreak"]) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
