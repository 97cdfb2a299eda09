/**
 * Producer side of the queues: one BullMQ `Queue` per name per process, sharing the process's Redis
 * connection, and `enqueue`, which validates the payload against its schema before adding it.
 * Commit the database row first, then enqueue with the row id in `jobId`, so a retry adds nothing twice.
 * Inside a request context, the request and user id travel with the job (`_meta`, see definitions.ts).
 */
import { Queue, type JobsOptions } from "bullmq";
import { getRequestContext } from "@/server/observability/request-context";
import { getQueueRedis, redisKey } from "@/server/redis";
import { JOB_META_KEY, QUEUES, type JobMeta, type QueueName, type QueuePayload } from "./definitions";

const globalForQueues = globalThis as unknown as { scoopQueues?: Map<QueueName, Queue> };
const queues = (globalForQueues.scoopQueues ??= new Map());

/** BullMQ's key prefix: every queue lives under `{<REDIS_PREFIX>:bull}:<name>` (one hash tag, see redisKey). */
export function bullPrefix(): string {
  return redisKey("bull");
}

export function getQueue<Q extends QueueName>(name: Q): Queue {
  let queue = queues.get(name);
  if (!queue) {
    queue = new Queue(QUEUES[name].name, {
      connection: getQueueRedis(),
      prefix: bullPrefix(),
      defaultJobOptions: {
        attempts: 5,
        backoff: { type: "exponential", delay: 5_000 },
        removeOnComplete: { age: 24 * 3600, count: 1000 },
        removeOnFail: { age: 14 * 24 * 3600 },
      },
    });
    queues.set(name, queue);
  }
  return queue;
}

/** A job's validated data, with the request and user id (`_meta`) when inside a request context. */
export function jobData<Q extends QueueName>(name: Q, payload: QueuePayload<Q>) {
  const data = QUEUES[name].payload.parse(payload) as QueuePayload<Q>;
  const context = getRequestContext();
  const meta: JobMeta | undefined = context && { requestId: context.requestId, userId: context.userId };
  return meta ? { ...data, [JOB_META_KEY]: meta } : data;
}

export async function enqueue<Q extends QueueName>(name: Q, payload: QueuePayload<Q>, opts?: JobsOptions) {
  const data = jobData(name, payload);
  return getQueue(name).add(data.kind, data, opts);
}

/**
 * For hand-overs whose row is already durable (outbox rows, email and push rows): give up waiting after `ms`. A queue
 * first used while Redis is down waits for a connection that is not coming; the caller must answer anyway, and the
 * outbox relay queues the row later (the late add, if it ever lands, has the same job id, so nothing doubles).
 */
export function withinHandOverTime<T>(work: Promise<T>, ms = 2_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // Cleared when the work settles: a timer left to fire would build an Error (and its stack) for nothing, two per
    // claim in bench:claims.
    const timer = setTimeout(() => reject(new Error(`Redis did not take the job within ${ms} ms`)), ms).unref();
    // A late failure after the timeout is the relay's business: the promise has already been rejected.
    work.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (err: unknown) => (clearTimeout(timer), reject(err)),
    );
  });
}

export async function closeQueues(): Promise<void> {
  const all = [...queues.values()];
  queues.clear();
  await Promise.all(all.map((q) => q.close()));
}
