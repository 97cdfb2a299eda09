/**
 * The transactional outbox: every side effect a change implies (a money step, a notification, a billing sync,
 * a generated job's authorization …) is written as an `OutboxMessage` row in the same database transaction as
 * the change, then handed to BullMQ with the row id as the job id. If that hand-over is lost (Redis down or
 * flushed, the worker killed), the row is still PENDING and the worker's relay (relay.ts) queues it again; the
 * worker marks it DONE when its processor succeeds and DEAD when every attempt failed (run-outbox-job.ts).
 *
 * To add a side effect: give its payload a schema in src/server/queues/definitions.ts, a processor in
 * worker/processors/, and a builder returning an `OutboxEffect` next to the code that decides it. Then emit it
 * inside `commitWithEffects` (or `writeOutbox` in a transaction you already hold, then `dispatchOutbox`).
 */
import crypto from "node:crypto";
import type { JobsOptions } from "bullmq";
import { env } from "@/env";
import { Prisma } from "@/generated/prisma/client";
import type { Db, Tx } from "@/server/db";
import { logger } from "@/server/logger";
import { getRequestContext } from "@/server/observability/request-context";
import { JOB_META_KEY, QUEUES, type QueueName, type QueuePayload } from "@/server/queues/definitions";
import { withinHandOverTime } from "@/server/queues/queues";
import { addSoon } from "./add-batcher";

/** One side effect: its queue and payload, and a key that makes writing it twice add nothing. */
export type OutboxEffect = { [Q in QueueName]: { queue: Q; payload: QueuePayload<Q>; key?: string } }[QueueName];

/** Where the row id travels in a BullMQ job's data (next to `_meta`; payload parsing strips both). */
export const OUTBOX_ID_KEY = "_outbox";

export type OutboxRow = { id: string; queue: string; kind: string; payload: Prisma.JsonValue; retries: number };

const rowSelect = { id: true, queue: true, kind: true, payload: true, retries: true } as const;

/** How many times each kind is tried before its row is DEAD (backoff doubles from OUTBOX_BACKOFF_MS). */
const ATTEMPTS: Partial<Record<string, number>> = {
  "payments.settle": 8,
  "payments.billing-sync": 10,
  "payments.pay-owed": 8,
  "payments.refund-invoice": 8,
  // Past the five-minute lease a renewal that died mid-call leaves (10 s doubling: ≈ 10 minutes of retries), so the
  // next attempt takes the hold instead of the row going DEAD while the lease still stands.
  "payments.renew-hold": 8,
  "payments.release-hold": 8,
};

export function outboxJobOptions(row: Pick<OutboxRow, "id" | "queue" | "kind" | "retries">): JobsOptions {
  return {
    jobId: outboxJobId(row),
    attempts: ATTEMPTS[`${row.queue}.${row.kind}`] ?? 5,
    backoff: { type: "exponential", delay: env.OUTBOX_BACKOFF_MS },
    removeOnComplete: { age: 24 * 3600, count: 1000 },
    removeOnFail: { age: 14 * 24 * 3600 },
  };
}

/**
 * The BullMQ id of a row's current delivery. An admin retry of a DEAD row needs a fresh id: BullMQ ignores an
 * `add` whose id it still holds (the failed job).
 */
export function outboxJobId(row: Pick<OutboxRow, "id" | "retries">): string {
  return row.retries > 0 ? `${row.id}-retry-${row.retries}` : row.id;
}

/** Writes the effects inside `tx` (a duplicate key is skipped); returns the rows written, for `dispatchOutbox`. */
export async function writeOutbox(tx: Tx, effects: OutboxEffect[]): Promise<OutboxRow[]> {
  if (effects.length === 0) return [];
  const data = effects.map((e) => {
    const payload = QUEUES[e.queue].payload.parse(e.payload) as QueuePayload<QueueName>;
    return { queue: e.queue, kind: payload.kind, payload, dedupeKey: e.key ?? crypto.randomUUID() };
  });
  return tx.outboxMessage.createManyAndReturn({ data, skipDuplicates: true, select: rowSelect });
}

/**
 * The effects as rows with their ids chosen here, for a change written by one SQL statement of its own
 * (claim-job.ts): `outboxInsertSql` inserts them in that statement, only when `when` (e.g. `SELECT 1 FROM
 * claimed`) finds a row, and returns the ids written; dispatch those rows after the commit.
 */
export type PreparedOutboxRow = OutboxRow & { dedupeKey: string };

export function prepareOutbox(effects: OutboxEffect[]): PreparedOutboxRow[] {
  return effects.map((e) => {
    const payload = QUEUES[e.queue].payload.parse(e.payload) as QueuePayload<QueueName>;
    return { id: crypto.randomUUID(), queue: e.queue, kind: payload.kind, payload, retries: 0, dedupeKey: e.key ?? crypto.randomUUID() };
  });
}

export function outboxInsertSql(rows: PreparedOutboxRow[], when: Prisma.Sql): Prisma.Sql {
  const values = rows.map((r) => Prisma.sql`(${r.id}, ${r.queue}, ${r.kind}, ${JSON.stringify(r.payload)}::jsonb, ${r.dedupeKey})`);
  return Prisma.sql`INSERT INTO "OutboxMessage" (id, queue, kind, payload, "dedupeKey", "updatedAt")
    SELECT v.id, v.queue, v.kind, v.payload, v.key, now() FROM (VALUES ${Prisma.join(values)}) AS v(id, queue, kind, payload, key)
    WHERE EXISTS (${when})
    ON CONFLICT ("dedupeKey") DO NOTHING RETURNING id`;
}

/**
 * After commit: hands the rows to BullMQ (with whatever else is handed over in this turn, add-batcher.ts). Never throws: a row that could not be queued (Redis unreachable) is
 * still PENDING, and the relay queues it once Redis answers again.
 */
export async function dispatchOutbox(rows: OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  const context = getRequestContext();
  const meta = context && { requestId: context.requestId, userId: context.userId };
  const byQueue = new Map<string, OutboxRow[]>();
  for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);
  await Promise.all(
    [...byQueue].map(async ([queue, list]) => {
      try {
        await withinHandOverTime(addSoon(queue as QueueName, list.map((row) => outboxJob(row, meta))));
      } catch (err) {
        logger.warn({ err, queue, outboxIds: list.map((r) => r.id) }, "could not queue side effects; the outbox relay will");
      }
    }),
  );
}

export function outboxJob(row: OutboxRow, meta?: { requestId?: string; userId?: string }) {
  const data = { ...(row.payload as Record<string, unknown>), [OUTBOX_ID_KEY]: row.id, ...(meta ? { [JOB_META_KEY]: meta } : {}) };
  return { name: row.kind, data, opts: outboxJobOptions(row) };
}

export type Emit = (...effects: OutboxEffect[]) => void;

/**
 * Runs `fn` in one transaction; whatever it `emit`s is written to the outbox in that same transaction and
 * queued after the commit. A change that rolls back owes nothing; one that commits cannot lose its effects.
 */
export async function commitWithEffects<T>(db: Db, fn: (tx: Tx, emit: Emit) => Promise<T>, options?: { maxWait?: number; timeout?: number }): Promise<T> {
  const { result, rows } = await db.$transaction(async (tx) => {
    const effects: OutboxEffect[] = [];
    const result = await fn(tx, (...more) => void effects.push(...more));
    return { result, rows: await writeOutbox(tx, effects) };
  }, options);
  await dispatchOutbox(rows);
  return result;
}

export function readOutboxId(data: unknown): string | null {
  const raw = typeof data === "object" && data !== null ? (data as Record<string, unknown>)[OUTBOX_ID_KEY] : undefined;
  return typeof raw === "string" && raw.length > 0 ? raw : null;
}
