import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./safe-redirect";

const origin = "https://scoop.example";

describe("safeRedirectPath", () => {
  it.each([
    "/\\evil.example/",
    "/\t/evil.example/",
    "//evil.example/",
    "\\\\evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "http://scoop.example/",
    "https://scoop.example.evil.example/",
    "http://[::1",
  ])("refuses %j", (target) => {
    expect(safeRedirectPath(target, origin)).toBe("/");
  });

  it("keeps same-site paths and absolute URLs of this site, as paths", () => {
    expect(safeRedirectPath("/jobs/abc?tab=photos#top", origin)).toBe("/jobs/abc?tab=photos#top");
    expect(safeRedirectPath("https://scoop.example/profile", origin)).toBe("/profile");
    expect(safeRedirectPath(undefined, origin)).toBe("/");
  });
});
