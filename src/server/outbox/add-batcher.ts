/**
 * BullMQ hand-overs coalesced per event-loop turn: every `addSoon` and `removeSoon` made before the next
 * `setImmediate` goes to Redis in one pipeline on the queue connection, in the order they were asked for (a timer's
 * removal before the add of its successor with the same id). Claims that finish together (their database answers
 * arrive in the same turn) then hand over their outbox rows, their timers and the removal of the timers they replace
 * in one Redis write instead of one each; building a pipeline on the queue connection is itself costly (ioredis copies
 * every BullMQ script onto it), so there is one per turn, whatever the queues.
 *
 * Each caller's promise settles with its own commands: a failed add rejects its caller, who already treats a failed
 * hand-over as "the relay (outbox rows) or the sweep (timers) will do it". Nothing is held longer than one turn, so a
 * process that dies loses only what the outbox relay and the sweep recover anyway.
 *
 * The commands are BullMQ's own (src/server/queues/bullmq-commands.ts): the same scripts and arguments as
 * `Queue.addBulk` and `Queue.remove`, so the queues' data stays BullMQ's.
 */
import type { JobsOptions, RedisClient } from "bullmq";
import type { QueueName } from "@/server/queues/definitions";
import { queueAdd, queueClient, queueRemove, type PipelineCommand } from "@/server/queues/bullmq-commands";
import { getQueue } from "@/server/queues/queues";

export type BulkJob = { name: string; data: unknown; opts?: JobsOptions };

type Pending = { commands: PipelineCommand[]; settle: (results: [Error | null, unknown][]) => void; fail: (err: unknown) => void };

let pending: Pending[] = [];

function soon<T>(build: () => PipelineCommand[], outcome: (results: [Error | null, unknown][]) => T): Promise<T> {
  let commands: PipelineCommand[];
  try {
    commands = build(); // validates the jobs' options, as addBulk would
  } catch (err) {
    return Promise.reject(err);
  }
  return new Promise<T>((resolve, reject) => {
    if (pending.length === 0) setImmediate(flush);
    const settle = (results: [Error | null, unknown][]) => {
      try {
        resolve(outcome(results));
      } catch (err) {
        reject(err);
      }
    };
    pending.push({ commands, settle, fail: reject });
  });
}

/** Adds `jobs` to `queue` with the next turn's pipeline; rejects when any of them was not added. */
export function addSoon(queue: QueueName, jobs: BulkJob[]): Promise<void> {
  if (jobs.length === 0) return Promise.resolve();
  return soon(
    () => jobs.map((job) => queueAdd(getQueue(queue), job)),
    (results) => {
      const failed = results.find(([err]) => err);
      if (failed) throw failed[0];
    },
  );
}

/**
 * Removes the jobs `ids` of `queue` with the next turn's pipeline, like `Queue.remove`; resolves with each removal's
 * error (a job that is running right now cannot be removed), or null.
 */
export function removeSoon(queue: QueueName, ids: string[]): Promise<(Error | null)[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return soon(
    () => ids.map((id) => queueRemove(getQueue(queue), id)),
    (results) => results.map(([err]) => err),
  );
}

function flush(): void {
  const batch = pending;
  pending = [];
  const commands = batch.flatMap((p) => p.commands);
  let ran: Promise<[Error | null, unknown][]>;
  try {
    ran = runPipeline(commands);
  } catch (err) {
    ran = Promise.reject(err);
  }
  ran.then(
    (results) => {
      let at = 0;
      for (const p of batch) {
        p.settle(results.slice(at, at + p.commands.length));
        at += p.commands.length;
      }
    },
    (err: unknown) => batch.forEach((p) => p.fail(err)),
  );
}

/**
 * One pipeline per connection: every queue of the process shares getQueueRedis(), which BullMQ wraps once for all of
 * them, so a turn's hand-overs to every queue go in one pipeline (one copy of BullMQ's scripts onto it, not one per
 * queue). Each command's reply comes back in the commands' order.
 */
async function runPipeline(commands: PipelineCommand[]): Promise<[Error | null, unknown][]> {
  const byClient = new Map<RedisClient, number[]>();
  const clients = await Promise.all(commands.map((command) => queueClient(command.queue)));
  clients.forEach((client, i) => byClient.set(client, [...(byClient.get(client) ?? []), i]));
  const replies: [Error | null, unknown][] = new Array(commands.length);
  await Promise.all(
    [...byClient].map(async ([client, indexes]) => {
      const pipeline = client.pipeline();
      for (const i of indexes) commands[i]!.enqueue(pipeline);
      const results = ((await pipeline.exec()) ?? []) as [Error | null, unknown][];
      indexes.forEach((i, n) => (replies[i] = commands[i]!.result(results[n] ?? [new Error("no reply from Redis"), null])));
    }),
  );
  return replies;
}
