/**
 * The outbox relay on its own (no worker running): it queues again what BullMQ lost, leaves alone what BullMQ
 * holds or what is still within its grace period, marks DEAD what BullMQ failed for good, and prunes old DONE rows
 * (with a non-default retention).
 */
import { Job, Worker } from "bullmq";
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.OUTBOX_BACKOFF_MS = "10";
});

import { db } from "@/server/db";
import { bullPrefix, getQueue } from "@/server/queues/queues";
import { createRedisConnection } from "@/server/redis";
import { dispatchOutbox, outboxJobId, writeOutbox } from "./outbox";
import { relayOutbox } from "./relay";

const effect = (jobId: string) => ({ queue: "payments" as const, payload: { kind: "settle" as const, jobId, step: "capture" as const }, key: `relay-test-${jobId}` });
const age = (id: string, ms: number) => db.outboxMessage.update({ where: { id }, data: { createdAt: new Date(Date.now() - ms), updatedAt: new Date(Date.now() - ms) } });

describe("outbox relay", () => {
  it("re-queues a PENDING row BullMQ lost, not one it holds nor a fresh one", async () => {
    const [lost, held, fresh] = await db.$transaction((tx) => writeOutbox(tx, ["lost", "held", "fresh"].map(effect)));
    await dispatchOutbox([held!]);
    for (const row of [lost!, held!]) await age(row.id, 120_000);

    const report = await relayOutbox(db, { graceMs: 60_000 });
    expect(report.requeued).toBe(1);
    expect(await getQueue("payments").getJob(outboxJobId(lost!))).toBeTruthy();
    expect(await getQueue("payments").getJob(outboxJobId(fresh!))).toBeFalsy();
    // A second pass finds everything held: nothing added twice.
    expect((await relayOutbox(db, { graceMs: 60_000 })).requeued).toBe(0);
  });

  it("marks DEAD a row whose job BullMQ failed for good while the row stayed PENDING (the worker died first)", async () => {
    const [row] = await db.$transaction((tx) =>
      writeOutbox(tx, [{ queue: "push", payload: { kind: "send", pushMessageId: "gone" }, key: "relay-test-push" }]),
    );
    await dispatchOutbox([row!]);
    // A stand-in processor that fails every attempt without touching the row (as a worker killed mid-way would).
    const failing = new Worker("push", async () => { throw new Error("push service down"); }, {
      connection: createRedisConnection({ maxRetriesPerRequest: null }), prefix: bullPrefix(),
    });
    const job = (await getQueue("push").getJob(outboxJobId(row!)))!;
    await vi.waitFor(async () => expect(await job.getState()).toBe("failed"), { timeout: 15_000, interval: 50 });
    await failing.close();
    await age(row!.id, 120_000);

    const report = await relayOutbox(db, { graceMs: 60_000 });
    expect(report.dead).toBe(1);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row!.id } })).toMatchObject({ status: "DEAD", lastError: "push service down" });
  });

  it("retries a stored Stripe event whose job failed every attempt, ten minutes later, for three days", async () => {
    const stored = async (receivedAgoMs: number) => {
      const event = await db.stripeEvent.create({
        data: { stripeId: `evt_relay_${crypto.randomUUID()}`, type: "invoice.paid", payload: {}, receivedAt: new Date(Date.now() - receivedAgoMs) },
      });
      return getQueue("payments").add("stripe-event", { kind: "stripe-event", eventId: event.id }, { jobId: `stripe-event-${event.id}`, attempts: 2 });
    };
    const recent = await stored(120_000);
    const old = await stored(4 * 86_400_000);
    // Stripe (or the database) down through every attempt.
    const failing = new Worker("payments", async () => { throw new Error("stripe unreachable"); }, {
      connection: createRedisConnection({ maxRetriesPerRequest: null }), prefix: bullPrefix(),
    });
    for (const job of [recent, old]) await vi.waitFor(async () => expect(await job.getState()).toBe("failed"), { timeout: 15_000, interval: 50 });
    await failing.close();

    // Just failed: left alone for now.
    expect((await relayOutbox(db, { graceMs: 60_000 })).stripeEvents).toBe(0);
    const tenMinutesOn = () => relayOutbox(db, { graceMs: 60_000, now: new Date(Date.now() + 11 * 60_000) });
    // Two workers' relays read "failed" at once and the other one put it back first: BullMQ refuses this retry,
    // which must not end the relay's pass.
    const refused = vi.spyOn(Job.prototype, "retry").mockRejectedValueOnce(new Error("Job is not in the failed state"));
    await expect(tenMinutesOn()).resolves.toMatchObject({ stripeEvents: 0 });
    expect(refused).toHaveBeenCalledTimes(1);
    refused.mockRestore();
    // Ten minutes on: the recent event is waiting again with its attempts afresh; the four-day-old one is an admin's.
    expect((await tenMinutesOn()).stripeEvents).toBe(1);
    const again = (await getQueue("payments").getJob(recent.id!))!;
    expect(await again.getState()).toBe("waiting");
    expect(again.attemptsMade).toBe(0);
    expect(await (await getQueue("payments").getJob(old.id!))!.getState()).toBe("failed");
  });

  it("prunes DONE rows older than the retention, keeps DEAD and recent ones", async () => {
    const rows = await db.$transaction((tx) => writeOutbox(tx, ["old-done", "new-done", "old-dead"].map(effect)));
    const [oldDone, newDone, oldDead] = rows;
    await db.outboxMessage.updateMany({ where: { id: { in: [oldDone!.id, newDone!.id] } }, data: { status: "DONE" } });
    await db.outboxMessage.update({ where: { id: oldDead!.id }, data: { status: "DEAD" } });
    await age(oldDone!.id, 3 * 86_400_000);
    await age(oldDead!.id, 3 * 86_400_000);
    await age(newDone!.id, 86_400_000);

    const report = await relayOutbox(db, { retentionDays: 2 });
    expect(report.pruned).toBe(1);
    const left = await db.outboxMessage.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true } });
    expect(left.map((r) => r.id).sort()).toEqual([newDone!.id, oldDead!.id].sort());
  });
});
