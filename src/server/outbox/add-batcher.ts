/**
 * BullMQ adds coalesced per event-loop turn: every `addSoon` made before the next `setImmediate` goes to its queue
 * in one `addBulk` (one MULTI). Claims that finish together (their database answers arrive in the same turn) then
 * hand over their outbox rows and timers in one Redis write per queue instead of one each; building a pipeline on
 * the queue connection is itself costly (ioredis copies every BullMQ script onto it).
 *
 * Each caller's promise settles with its batch: a batch that fails rejects every caller in it, and each caller
 * already treats a failed hand-over as "the relay (outbox rows) or the sweep (timers) will do it". Nothing is held
 * longer than one turn, so a process that dies loses only what the outbox relay and the sweep recover anyway.
 */
import type { JobsOptions } from "bullmq";
import type { QueueName } from "@/server/queues/definitions";
import { getQueue } from "@/server/queues/queues";

export type BulkJob = { name: string; data: unknown; opts?: JobsOptions };

type Batch = { jobs: BulkJob[]; waiters: { resolve: () => void; reject: (err: unknown) => void }[] };

const pending = new Map<QueueName, Batch>();
let scheduled = false;

export function addSoon(queue: QueueName, jobs: BulkJob[]): Promise<void> {
  if (jobs.length === 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    let batch = pending.get(queue);
    if (!batch) pending.set(queue, (batch = { jobs: [], waiters: [] }));
    batch.jobs.push(...jobs);
    batch.waiters.push({ resolve, reject });
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
}

function flush(): void {
  scheduled = false;
  const batches = [...pending];
  pending.clear();
  for (const [queue, { jobs, waiters }] of batches) {
    let added: Promise<unknown>;
    try {
      added = getQueue(queue).addBulk(jobs);
    } catch (err) {
      added = Promise.reject(err);
    }
    added.then(
      () => waiters.forEach((w) => w.resolve()),
      (err: unknown) => waiters.forEach((w) => w.reject(err)),
    );
  }
}
