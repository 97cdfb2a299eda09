/**
 * The worker's side of an outbox row: run its processor once, then mark it DONE; a failure is recorded on the
 * row and rethrown so BullMQ retries with backoff, and the last failed attempt marks it DEAD. A delivery of a
 * row that is DONE already (a duplicate, or the relay racing the first delivery) does nothing, so processors
 * see each effect once in the normal case and stay idempotent for the rare crash between effect and mark.
 */
import type { Job } from "bullmq";
import type { Db } from "@/server/db";

export type OutboxDelivery<T> = { skipped: string } | { result: T };

export async function deliverOutboxRow<T>(db: Db, outboxId: string, job: Pick<Job, "attemptsMade" | "opts">, run: () => Promise<T>): Promise<OutboxDelivery<T>> {
  const row = await db.outboxMessage.findUnique({ where: { id: outboxId }, select: { status: true } });
  if (!row) return { skipped: "no outbox row" };
  // DEAD waits for an admin's retry, which makes it PENDING under a new BullMQ id.
  if (row.status !== "PENDING") return { skipped: `outbox row ${row.status.toLowerCase()}` };
  let result: T;
  try {
    result = await run();
  } catch (err) {
    const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
    await db.outboxMessage.updateMany({
      where: { id: outboxId, status: "PENDING" },
      data: { attempts: { increment: 1 }, lastError, ...(final ? { status: "DEAD" as const } : {}) },
    });
    throw err;
  }
  await db.outboxMessage.updateMany({ where: { id: outboxId, status: "PENDING" }, data: { status: "DONE", processedAt: new Date() } });
  return { result };
}
