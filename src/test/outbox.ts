/** Integration-test helpers for the outbox: wait until a side effect (by its key) or all of them have run. */
import { expect } from "vitest";
import { db } from "@/server/db";

/** Waits until the outbox row with `dedupeKey` is DONE (its processor succeeded). */
export async function effectDone(dedupeKey: string, timeout = 15_000): Promise<void> {
  await expect
    .poll(async () => (await db.outboxMessage.findUnique({ where: { dedupeKey }, select: { status: true } }))?.status, { timeout })
    .toBe("DONE");
}

/** A job's money step has run (jobs/settlement.ts keys). */
export const settled = (jobId: string, step: string, timeout?: number) => effectDone(`settle-${step}-${jobId}`, timeout);

/** Waits until no side effect is PENDING (every queued notification and money step has run). */
export async function allEffectsDone(timeout = 15_000): Promise<void> {
  await expect.poll(() => db.outboxMessage.count({ where: { status: "PENDING" } }), { timeout }).toBe(0);
}

/**
 * Waits until nothing is in flight: every side effect has run and no email or push is still QUEUED (each is an
 * outbox row of its own). For tests that run the worker's email queue and then kill the worker: a send caught
 * mid-request would be sent again after the restart (Resend drops it by its idempotency key; a fake may not).
 */
export async function nothingInFlight(timeout = 15_000): Promise<void> {
  await allEffectsDone(timeout);
  await expect
    .poll(
      async () => (await db.emailMessage.count({ where: { status: "QUEUED" } })) + (await db.pushMessage.count({ where: { status: "QUEUED" } })),
      { timeout },
    )
    .toBe(0);
}
