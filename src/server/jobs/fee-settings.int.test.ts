/**
 * Fees come from the settings, not the defaults: with a 12 % platform fee and a 25 % cancellation fee, the
 * take-home a scooper is shown (job page, board, my jobs) and the fee the poster is told about are those numbers
 * (fixed on the job at posting: src/server/payments/fees.int.test.ts covers the charges).
 */
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.PLATFORM_FEE_PERCENT = "12";
  process.env.CANCELLATION_FEE_PERCENT = "25";
});

import { cast, validJobInput } from "@/test/factories";

describe("configured fees", () => {
  it("shows the take-home after the configured platform fee and the configured cancellation fee", async () => {
    const { customer, scooper } = await cast();
    const { id: jobId } = await customer.api.jobs.post({ ...validJobInput, priceCents: 4000 });
    expect((await scooper.api.jobs.byId({ jobId })).takeHomeCents).toBe(3520);
    const board = await scooper.api.jobs.openInViewport({ bounds: { south: 40.6, west: -74.05, north: 40.75, east: -73.9 } });
    expect(board.jobs.find((j) => j.id === jobId)?.takeHomeCents).toBe(3520);
    expect((await customer.api.jobs.mine({ as: "posted" })).find((j) => j.id === jobId)?.takeHomeCents).toBe(3520);

    await scooper.api.jobs.claim({ jobId });
    expect((await customer.api.jobs.byId({ jobId })).cancellationFeeCents).toBe(1000);
    expect(await customer.api.jobs.cancel({ jobId })).toEqual({ feeOwedCents: 1000 });
  });
});
