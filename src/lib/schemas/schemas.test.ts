import { describe, expect, it } from "vitest";
import { plainWordsError } from "@/lib/validation-words";
import { signUpSchema } from "./accounts";
import { postJobInputSchema } from "./jobs";
import { leaveReviewInputSchema } from "./reviews";

const words = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe("shared schemas checked in the browser say what the server would", () => {
  it("a too-large tip and a too-long comment in plain words", () => {
    const r = leaveReviewInputSchema.safeParse({ jobId: "j", rating: 5, comment: "x".repeat(1001), tipCents: 60_000 }, { error: plainWordsError });
    expect(words(r)).toEqual({ comment: "Keep it to 1,000 characters or fewer.", tipCents: "At most $500.00." });
  });
  it("keeps the author's words and asks for the job type's details", () => {
    const r = postJobInputSchema.safeParse(
      { address: "1 Main St", lat: 40, lng: -73, priceCents: 100, type: "BOTH", yardSegments: [], publicNotes: "y".repeat(2001) },
      { error: plainWordsError },
    );
    expect(words(r)).toEqual({
      priceCents: "The price is at least $5.00.",
      yardSegments: "Pick at least one part of the yard.",
      publicNotes: "Keep it to 2,000 characters or fewer.",
      pileEstimate: "Estimate the number of piles.",
      litterLevel: "Pick the litter level.",
    });
  });
  it("an email that is not one, and terms not accepted", () => {
    const r = signUpSchema.safeParse({ email: "nope", name: "A", password: "long enough!", roles: ["CUSTOMER"], acceptTerms: false }, { error: plainWordsError });
    expect(words(r)).toEqual({ email: "Enter a valid email address.", acceptTerms: "Accept the terms and the privacy policy to create an account." });
  });
});
