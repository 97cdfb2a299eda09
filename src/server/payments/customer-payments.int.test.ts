/** The customer's receipts read from the ledger's payment operations, after real flows on the ledger provider. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cast, doTheWork, validJobInput } from "@/test/factories";
import { settled } from "@/test/outbox";
import { startWorker, type RunningWorker } from "../../../worker/worker";

let running: RunningWorker;
beforeAll(async () => {
  running = await startWorker({ queues: ["payments", "notifications", "emails"], schedules: false });
});
afterAll(async () => {
  await Promise.all(running.workers.map((w) => w.close()));
});

describe("customer receipts", () => {
  it("lists each job's held, charged, released and tipped amounts with totals; scoopers are refused", async () => {
    const { customer, scooper } = await cast();
    const { id: done } = await customer.api.jobs.post({ ...validJobInput, priceCents: 2000 });
    await doTheWork(scooper, done);
    await customer.api.jobs.confirm({ jobId: done });
    await customer.api.reviews.leave({ jobId: done, rating: 5, tipCents: 300 });
    const { id: cancelled } = await customer.api.jobs.post({ ...validJobInput, priceCents: 1500 });
    await customer.api.jobs.cancel({ jobId: cancelled });
    const { id: open } = await customer.api.jobs.post({ ...validJobInput, priceCents: 1200 });
    await settled(done, "capture", 60_000);
    await settled(done, "tip", 60_000);
    await settled(cancelled, "void", 60_000);

    const receipts = await customer.api.payments.receipts();
    const byJob = Object.fromEntries(receipts.jobs.map((j) => [j.jobId, j]));
    expect(byJob[done]!.lines.map((l) => [l.kind, l.amountCents])).toEqual([["authorize", 2000], ["capture", 2000], ["tip", 300]]);
    expect(byJob[done]).toMatchObject({ chargedCents: 2300, heldCents: 0 });
    expect(byJob[cancelled]!.lines.map((l) => l.kind)).toEqual(["authorize", "void"]);
    expect(byJob[cancelled]).toMatchObject({ chargedCents: 0, heldCents: 0 });
    expect(byJob[open]).toMatchObject({ chargedCents: 0, heldCents: 1200 });
    expect(receipts.totals).toEqual({ chargedCents: 2300, heldCents: 1200, refundedCents: 0 });
    expect(receipts.jobs[0]!.jobId).toBe(open);

    await expect(scooper.api.payments.receipts()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
