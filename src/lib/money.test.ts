import { describe, expect, it } from "vitest";
import { cancellationFeeCents, formatCents, jobAmounts, jobCancellationFeeCents, platformFeeCents, splitRefund, takeHomeCents } from "./money";

describe("money", () => {
  it("computes every amount of a job from its own rates, not the defaults", () => {
    expect(jobAmounts({ priceCents: 2500, platformFeePercent: 12, cancellationFeePercent: 25, minCancelFeeCents: 700 })).toEqual({
      platformFeeCents: 300, takeHomeCents: 2200, cancellationFeeCents: 625,
    });
    // After "on my way" the job's own minimum applies.
    expect(jobAmounts({ priceCents: 2500, platformFeePercent: 12, cancellationFeePercent: 25, minCancelFeeCents: 700, onMyWayAt: new Date() }).cancellationFeeCents).toBe(700);
  });
  it("raises the cancellation fee to the minimum only after 'on my way', and never above the price", () => {
    const job = { priceCents: 1500, cancellationFeePercent: 20, minCancelFeeCents: 500 };
    expect(jobCancellationFeeCents(job, false)).toBe(300);
    expect(jobCancellationFeeCents(job, true)).toBe(500);
    // The rate wins when it is more than the minimum.
    expect(jobCancellationFeeCents({ ...job, priceCents: 4000 }, true)).toBe(800);
    // Never more than the price.
    expect(jobCancellationFeeCents({ ...job, priceCents: 600, minCancelFeeCents: 800 }, true)).toBe(600);
    // A job posted before the minimum existed (0) keeps its rate.
    expect(jobCancellationFeeCents({ ...job, minCancelFeeCents: 0 }, true)).toBe(300);
  });
  it("takes a 15% platform fee and leaves the rest to the scooper", () => {
    expect(platformFeeCents(2000, 15)).toBe(300);
    expect(takeHomeCents(2000, 15)).toBe(1700);
    expect(platformFeeCents(1999, 15) + takeHomeCents(1999, 15)).toBe(1999);
  });
  it("rounds the fee to whole cents", () => {
    expect(platformFeeCents(1010, 15)).toBe(152); // 151.5 → 152
  });
  it("takes a 20% cancellation fee, and splits any refund into fee and scooper parts that add up", () => {
    expect(cancellationFeeCents(2000, 20)).toBe(400);
    expect(cancellationFeeCents(1999, 20)).toBe(400); // 399.8 → 400
    expect(splitRefund(1000, { capturedCents: 2000, platformFeeCents: 300, refundedCents: 0 })).toEqual({ feeCents: 150, scooperCents: 850 });
    expect(splitRefund(400, { capturedCents: 400, platformFeeCents: 0, refundedCents: 0 })).toEqual({ feeCents: 0, scooperCents: 400 });
    // Three refunds of 1/3 each give back exactly the fee (300) in total, never a cent more.
    const captured = { capturedCents: 1999, platformFeeCents: 300 };
    let refundedCents = 0;
    let feeBack = 0;
    for (const cents of [666, 666, 667]) {
      const { feeCents, scooperCents } = splitRefund(cents, { ...captured, refundedCents });
      expect(feeCents + scooperCents).toBe(cents);
      refundedCents += cents;
      feeBack += feeCents;
    }
    expect(feeBack).toBe(300);
  });
  it("formats cents as dollars", () => {
    expect(formatCents(1250)).toBe("$12.50");
    expect(formatCents(50000)).toBe("$500.00");
  });
});

describe("formatCents in Spanish", () => {
  it("writes dollars the es-US way", () => {
    expect(formatCents(123_450, "es")).toBe("$1,234.50");
    expect(formatCents(1250, "es")).toBe("$12.50");
  });
});
