/**
 * Fees with non-default settings (platform 12%, cancellation 25%, auto-confirm 6 h): the board, the job page,
 * the emails and the ledger show and charge the same hand-computed cents, and a job posted before a change keeps
 * the rates it was posted with. The settings are set before any app module reads the environment.
 */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  Object.assign(process.env, { PLATFORM_FEE_PERCENT: "12", CANCELLATION_FEE_PERCENT: "25", AUTO_CONFIRM_SECONDS: String(6 * 3600) });
});

import { db } from "@/server/db";
import { cast, doTheWork, validJobInput } from "@/test/factories";
import { allEffectsDone, settled } from "@/test/outbox";
import { startWorker, type RunningWorker } from "../../../worker/worker";

let running: RunningWorker;
beforeAll(async () => {
  running = await startWorker({ queues: ["payments", "notifications", "emails"], schedules: false });
});
afterAll(async () => {
  await Promise.all(running.workers.map((w) => w.close()));
});

const bounds = { south: 40.6, west: -74.1, north: 40.8, east: -73.9 };

describe("fees fixed at posting, with non-default settings", () => {
  it("shows and charges the job's own rates everywhere: board, job page, emails, ledger", async () => {
    const { customer, scooper } = await cast();
    const { id } = await customer.api.jobs.post({ ...validJobInput, priceCents: 2500 });
    expect(await db.cleanupJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ platformFeePercent: 12, cancellationFeePercent: 25 });
    // $25.00 at 12%: the platform keeps $3.00, the scooper takes home $22.00; cancelling after a claim costs $6.25.
    const board = await scooper.api.jobs.openInViewport({ bounds });
    expect(board.jobs.find((j) => j.id === id)).toMatchObject({ priceCents: 2500, takeHomeCents: 2200 });
    expect(await customer.api.jobs.byId({ jobId: id })).toMatchObject({
      takeHomeCents: 2200, platformFeePercent: 12, cancellationFeePercent: 25, cancellationFeeCents: 625,
    });

    await doTheWork(scooper, id);
    await allEffectsDone();
    const completed = await db.emailMessage.findFirstOrThrow({ where: { toAddress: customer.email, kind: "job.completed" } });
    expect(completed.text).toContain("after 6 hours");

    await customer.api.jobs.confirm({ jobId: id });
    await settled(id, "capture");
    await allEffectsDone();
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: id } })).toMatchObject({ capturedCents: 2500, platformFeeCents: 300, scooperPayoutCents: 2200 });
    const payable = await db.ledgerEntry.aggregate({ where: { account: { key: `scooper_payable:${scooper.id}` } }, _sum: { amountCents: true } });
    expect(payable._sum.amountCents).toBe(2200);
    const receipt = await db.emailMessage.findFirstOrThrow({ where: { toAddress: scooper.email, kind: "job.confirmed" } });
    expect(receipt.subject).toBe("You earned $22.00");
  });

  it("charges the cancellation fee the job page showed: the job's rate, not another setting", async () => {
    const { customer, scooper } = await cast();
    const { id } = await customer.api.jobs.post({ ...validJobInput, priceCents: 2000 });
    await scooper.api.jobs.claim({ jobId: id });
    expect((await customer.api.jobs.byId({ jobId: id })).cancellationFeeCents).toBe(500);
    expect(await customer.api.jobs.cancel({ jobId: id })).toEqual({ feeOwedCents: 500 });
    await settled(id, "cancellation-fee");
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: id } })).toMatchObject({ status: "CAPTURED", capturedCents: 500, scooperPayoutCents: 500 });
  });

  it("keeps the rates a job was posted with when the settings change later", async () => {
    const { customer, scooper } = await cast();
    const { id } = await customer.api.jobs.post({ ...validJobInput, priceCents: 4000 });
    // As if posted while the fees were 15% and 20%: nothing below reads the settings (12% / 25% here).
    await db.cleanupJob.update({ where: { id }, data: { platformFeePercent: 15, cancellationFeePercent: 20 } });
    const board = await scooper.api.jobs.openInViewport({ bounds });
    expect(board.jobs.find((j) => j.id === id)?.takeHomeCents).toBe(3400);
    await doTheWork(scooper, id);
    await customer.api.jobs.confirm({ jobId: id });
    await settled(id, "capture");
    expect(await db.payment.findUniqueOrThrow({ where: { jobId: id } })).toMatchObject({ platformFeeCents: 600, scooperPayoutCents: 3400 });
  });

  it("refuses to start with the retired CANCEL_FEE_PERCENT, naming the setting to use", () => {
    const run = spawnSync("node_modules/.bin/tsx", ["-e", "import('./src/env.js').then(() => process.exit(0))"], {
      env: { ...process.env, CANCEL_FEE_PERCENT: "20" }, encoding: "utf8",
    });
    expect(run.status).not.toBe(0);
    expect(run.stderr + run.stdout).toContain("set CANCELLATION_FEE_PERCENT instead");
  });
});
