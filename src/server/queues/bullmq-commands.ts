/**
 * BullMQ's add and remove as commands to put on a pipeline (src/server/outbox/add-batcher.ts), so one Redis write
 * carries several queues' hand-overs and the removals that go with them. Each is what BullMQ itself sends:
 * `queueAdd` is `Queue.addBulk` for one job (the queue's default options merged in, `Job.asJSON`, the option checks,
 * then `addJobToTransaction`, the call BullMQ's own `addJobs` makes on its pipeline), and `queueRemove` is
 * `Queue.remove` (the `removeJob` script with BullMQ's arguments, children included). A few of these members are
 * `protected` in BullMQ's types; their use is confined to this file, and outbox/add-batcher.int.test.ts checks the jobs they write
 * read back through BullMQ's own API.
 */
import { Job, type IRedisTransaction, type JobsOptions, type Queue, type RedisClient } from "bullmq";

/** One command for a pipeline of `queue`'s connection, and how to read its reply. */
export type PipelineCommand = {
  queue: Queue;
  enqueue(pipeline: IRedisTransaction): void;
  result(reply: [Error | null, unknown]): [Error | null, unknown];
};

type JobJson = ReturnType<Job["asJSON"]>;

/** The queue's connection, as BullMQ's backend holds it. */
export const queueClient = (queue: Queue): Promise<RedisClient> => queue.backend.client;

export function queueAdd(queue: Queue, job: { name: string; data: unknown; opts?: JobsOptions }): PipelineCommand {
  const opts = { ...queue.defaultJobOptions, ...job.opts, jobId: job.opts?.jobId };
  const instance = new Job(queue, job.name, job.data, opts, opts.jobId);
  const json = instance.asJSON();
  (instance as unknown as { validateOptions(json: JobJson): void }).validateOptions(json);
  const parentKey = instance.parentKey;
  return {
    queue,
    // The command is queued before the first await inside; its reply comes with the pipeline's.
    enqueue: (pipeline) => void queue.backend.addJobToTransaction(pipeline, json, instance.id!, { parentKey, parentDependenciesKey: parentKey ? `${parentKey}:dependencies` : "" }).catch(() => undefined),
    result: (reply) => reply,
  };
}

export function queueRemove(queue: Queue, jobId: string): PipelineCommand {
  const backend = queue.backend;
  // `protected` in BullMQ's types: the arguments Queue.remove gives the script.
  const args = (backend as unknown as { removeArgs(jobId: string, removeChildren: boolean): unknown[] }).removeArgs(jobId, true);
  return {
    queue,
    enqueue: (pipeline) => void backend.execCommand(pipeline, "removeJob", args),
    result: ([err, code]) => (err ? [err, code] : typeof code === "number" && code < 0 ? [backend.finishedErrors({ code, jobId, command: "removeJob" }), code] : [null, code]),
  };
}
