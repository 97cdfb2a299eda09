import { describe, expect, it } from "vitest";
import { resolveClientIp } from "./resolve-client-ip";

describe("resolveClientIp", () => {
  it("uses the socket address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientIp("6.6.6.6", "::ffff:203.0.113.9", 0)).toBe("203.0.113.9");
    expect(resolveClientIp(undefined, "203.0.113.9", 0)).toBe("203.0.113.9");
  });
  it("takes the address the trusted proxy appended, never the client-written left end", () => {
    expect(resolveClientIp("6.6.6.6, 198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7");
    expect(resolveClientIp("1.1.1.1, 2.2.2.2, 198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7");
  });
  it("walks one address further left per trusted hop", () => {
    expect(resolveClientIp("6.6.6.6, 198.51.100.7, 10.0.0.3", "10.0.0.2", 2)).toBe("198.51.100.7");
  });
  it("falls back to the left-most address when there are fewer hops than trusted proxies", () => {
    expect(resolveClientIp(undefined, "203.0.113.9", 1)).toBe("203.0.113.9");
    expect(resolveClientIp("", undefined, 0)).toBe("unknown");
  });
});
