import { describe, expect, it } from "vitest";
import { megabytesForWords } from "./megabytes";

describe("megabytesForWords", () => {
  it.each([
    [10 * 1024 * 1024, 10], [15_000_000, 14], [200 * 1024, 0.19], [1024 * 1024, 1], [1536 * 1024, 1.5], [9.99 * 1024 * 1024, 9.9], [100 * 1024 * 1024, 100],
  ])("%i bytes read as %f MB, never more than the limit", (bytes, words) => {
    expect(megabytesForWords(bytes)).toBe(words);
    expect(words * 1024 * 1024).toBeLessThanOrEqual(bytes);
  });
});
