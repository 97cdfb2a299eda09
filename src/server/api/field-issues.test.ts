import { describe, expect, it } from "vitest";
import { z } from "zod";
import { leaveReviewInputSchema } from "@/lib/schemas/reviews";
import { fieldWords } from "@/lib/validation-words";
import { toFieldIssues } from "./field-issues";

describe("toFieldIssues", () => {
  it("sends the limits of a too-large tip and a long comment, not zod's sentence", () => {
    const parsed = leaveReviewInputSchema.safeParse({ jobId: "j", rating: 5, comment: "x".repeat(1001), tipCents: 60_000 });
    expect(parsed.success).toBe(false);
    const issues = toFieldIssues(parsed.error!);
    expect(issues).toContainEqual({ path: ["tipCents"], code: "too_big", params: { origin: "number", maximum: 50_000, inclusive: true } });
    expect(JSON.stringify(issues)).not.toMatch(/Too big|expected/);
    expect(fieldWords(issues)).toEqual({ comment: ["Keep it to 1,000 characters or fewer."], tipCents: ["At most $500.00."] });
  });
  it("carries the words a schema's author wrote", () => {
    const parsed = leaveReviewInputSchema.safeParse({ jobId: "j", rating: 0 });
    const issues = toFieldIssues(parsed.error!);
    expect(issues[0]?.params.message).toBe("Rate from 1 to 5.");
    expect(fieldWords(issues).rating).toEqual(["Rate from 1 to 5."]);
  });
  it("keeps only plain values in params", () => {
    const parsed = z.object({ a: z.union([z.string(), z.number()]) }).safeParse({ a: true });
    const [issue] = toFieldIssues(parsed.error!);
    expect(Object.values(issue!.params).every((v) => ["string", "number", "boolean"].includes(typeof v))).toBe(true);
  });
});
