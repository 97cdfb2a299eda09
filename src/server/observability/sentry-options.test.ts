import { describe, expect, it } from "vitest";

process.env.DATABASE_URL ??= "postgresql://unused@127.0.0.1/unused";
process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
delete process.env.SENTRY_DSN;
const { sampleTraces, sentryServerOptions, tracingOn } = await import("./sentry-options");

describe("sampleTraces", () => {
  it("samples nothing, not even a caller's sampled trace, while no client has a rate above 0", () => {
    expect(sampleTraces({ inheritOrSampleWith: () => 1 })).toBe(0);
    expect(tracingOn()).toBe(false);
  });
});

describe("sentryServerOptions", () => {
  it("leaves Sentry disabled when no DSN is configured", () => {
    expect(sentryServerOptions("worker")).toMatchObject({ dsn: undefined, enabled: false, tracesSampleRate: 0 });
  });

  it("enables Sentry for a DSN, tags the service and scrubs events before sending", () => {
    const options = sentryServerOptions("worker", { dsn: "http://public@127.0.0.1:9/1" });
    expect(options).toMatchObject({ enabled: true, initialScope: { tags: { service: "worker" } } });
    const event = options.beforeSend({ type: undefined, message: "boom for a@b.co", user: { id: "u1", email: "a@b.co" } });
    expect(event).toMatchObject({ message: "boom for [email]", user: { id: "u1" } });
    expect(JSON.stringify(event)).not.toContain("a@b.co");
  });
});
