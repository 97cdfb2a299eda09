/** Integration-test helpers for the outbox: wait until a side effect (by its key) or all of them have run. */
import { expect } from "vitest";
import { db } from "@/server/db";

/** Waits until the outbox row with `dedupeKey` is DONE (its processor succeeded). */
export async function effectDone(dedupeKey: string, timeout = 15_000): Promise<void> {
  await expect
    .poll(async () => (await db.outboxMessage.findUnique({ where: { dedupeKey }, select: { status: true } }))?.status, { timeout })
    .toBe("DONE");
}

/** A job's money step has run (payments/settlement-queue.ts keys). */
export const settled = (jobId: string, step: string, timeout?: number) => effectDone(`settle-${step}-${jobId}`, timeout);

/** Waits until no side effect is PENDING (every queued notification and money step has run). */
export async function allEffectsDone(timeout = 15_000): Promise<void> {
  await expect.poll(() => db.outboxMessage.count({ where: { status: "PENDING" } }), { timeout }).toBe(0);
}
