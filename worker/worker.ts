/**
 * Starts one BullMQ Worker per queue with the processors from processors/index.ts, and stops them in the
 * order that loses nothing: workers first (they finish active jobs), then Prisma, then Redis.
 * Tests start the same worker in-process through `startWorker`.
 */
import { Worker } from "bullmq";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { QUEUES, QUEUE_NAMES, type QueueName } from "@/server/queues/definitions";
import { bullPrefix, closeQueues } from "@/server/queues/queues";
import { closeRedis, createRedisConnection } from "@/server/redis";
import { parsePayload, processors } from "./processors";
import { registerSchedules } from "./schedules";

export type RunningWorker = { workers: Worker[]; close: () => Promise<void> };

export async function startWorker(opts: { queues?: QueueName[]; schedules?: boolean } = {}): Promise<RunningWorker> {
  const names = opts.queues ?? QUEUE_NAMES;
  const workers = names.map((name) => {
    const registration = processors[name];
    const worker = new Worker(
      QUEUES[name].name,
      async (job) => {
        const payload = parsePayload(name, job.data);
        return (registration.handle as (p: typeof payload, j: typeof job) => Promise<unknown>)(payload, job);
      },
      {
        // BullMQ requires workers' connections to retry forever rather than fail a blocking command.
        connection: createRedisConnection({ maxRetriesPerRequest: null }),
        prefix: bullPrefix(),
        concurrency: registration.concurrency,
      },
    );
    worker.on("failed", (job, err) => {
      logger.error({ queue: name, jobId: job?.id, jobName: job?.name, attempts: job?.attemptsMade, err }, "queue job failed");
    });
    worker.on("error", (err) => logger.error({ queue: name, err }, "worker error"));
    return worker;
  });
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  if (opts.schedules !== false) await registerSchedules();

  return {
    workers,
    close: async () => {
      await Promise.all(workers.map((w) => w.close()));
      await closeQueues();
      await db.$disconnect();
      await closeRedis();
    },
  };
}
