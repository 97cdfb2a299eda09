import { describe, expect, it } from "vitest";
import { formatCents, platformFeeCents, takeHomeCents } from "./money";

describe("money", () => {
  it("takes a 15% platform fee and leaves the rest to the scooper", () => {
    expect(platformFeeCents(2000)).toBe(300);
    expect(takeHomeCents(2000)).toBe(1700);
    expect(platformFeeCents(1999) + takeHomeCents(1999)).toBe(1999);
  });
  it("rounds the fee to whole cents", () => {
    expect(platformFeeCents(1010)).toBe(152); // 151.5 → 152
  });
  it("formats cents as dollars", () => {
    expect(formatCents(1250)).toBe("$12.50");
    expect(formatCents(50000)).toBe("$500.00");
  });
});
