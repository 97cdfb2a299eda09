import { describe, expect, it } from "vitest";
import { yardJobNotes } from "./yards";

describe("yardJobNotes", () => {
  it("says the dog count and the unsafe-dog warning before the yard's own notes", () => {
    expect(yardJobNotes({ dogCount: 2, unsafeDog: true, publicNotes: " Big lawn " })).toBe("2 dogs. Unsafe dog: it must be kept inside before you enter. Big lawn");
    expect(yardJobNotes({ dogCount: 1, unsafeDog: false, publicNotes: null })).toBe("1 dog.");
    expect(yardJobNotes({ dogCount: 0, unsafeDog: false, publicNotes: "" })).toBe("");
  });
});
