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
import { batchPerTurn } from "@/server/batch-per-turn";

export type BulkJob = { name: string; data: unknown; opts?: JobsOptions };

/** Each caller's commands go out in the turn's one pipeline; each caller gets the replies to its own. */
const inNextPipeline = batchPerTurn(async (groups: PipelineCommand[][]) => {
  const replies = await runPipeline(groups.flat());
  let at = 0;
  return groups.map((group) => replies.slice(at, (at += group.length)));
});

function soon<T>(build: () => PipelineCommand[], outcome: (results: [Error | null, unknown][]) => T): Promise<T> {
  let commands: PipelineCommand[];
  try {
    commands = build(); // validates the jobs' options, as addBulk would
  } catch (err) {
    return Promise.reject(err);
  }
  return inNextPipeline(commands).then(outcome);
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
