import { describe, expect, it } from "vitest";
import { scrubSentryEvent } from "./sentry-scrub";

describe("scrubSentryEvent", () => {
  it("keeps the user id, request id and error text, and removes every piece of personal data", () => {
    const scrubbed = scrubSentryEvent({
      message: "failed for jane.doe@example.com",
      user: { id: "u1", email: "jane.doe@example.com", username: "Jane", ip_address: "1.2.3.4" },
      request: {
        method: "POST",
        url: "https://scoop.test/api/trpc/jobs.post?input=secret",
        headers: { cookie: "session=abc", authorization: "Bearer x", "x-request-id": "req-1", "user-agent": "ua" },
        cookies: { session: "abc" },
        data: { address: "1 Main St" },
      },
      exception: { values: [{ type: "Error", value: "no row for jane.doe@example.com" }] },
      breadcrumbs: [{ message: "mail to a@b.co", data: { email: "a@b.co", jobId: "j1" } }],
      extra: { address: "1 Main St", lat: 40.7, jobId: "j1", nested: { name: "Jane" } },
      tags: { request_id: "req-1" },
    });
    const text = JSON.stringify(scrubbed);
    expect(text).not.toMatch(/jane|a@b\.co|1 Main St|40\.7|session=abc|Bearer|1\.2\.3\.4|input=secret/i);
    expect(scrubbed.user).toEqual({ id: "u1" });
    expect(scrubbed.request?.headers).toEqual({ "x-request-id": "req-1", "user-agent": "ua" });
    expect(scrubbed.exception?.values?.[0]?.value).toBe("no row for [email]");
    expect(scrubbed.extra).toEqual({ address: "[redacted]", lat: "[redacted]", jobId: "j1", nested: { name: "[redacted]" } });
    expect(scrubbed.tags).toEqual({ request_id: "req-1" });
  });

  it("drops an anonymous user entirely", () => {
    expect(scrubSentryEvent({ user: { ip_address: "1.2.3.4" } }).user).toBeUndefined();
  });
});
