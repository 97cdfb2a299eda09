/** The real worker in-process for integration tests, plus a QueueEvents to await one job's outcome. */
import { QueueEvents } from "bullmq";
import type { QueueName } from "@/server/queues/definitions";
import { bullPrefix } from "@/server/queues/queues";
import { createRedisConnection } from "@/server/redis";
import { startWorker } from "../../worker/worker";

export async function watchQueue(name: QueueName): Promise<QueueEvents> {
  const events = new QueueEvents(name, { connection: createRedisConnection({ maxRetriesPerRequest: null }), prefix: bullPrefix() });
  await events.waitUntilReady();
  return events;
}

/**
 * Starts the worker for `queue` (no schedules) and watches it. `close` stops only these: the file's teardown
 * closes queues, Prisma and Redis.
 */
export async function startQueueWorker(queue: QueueName) {
  const running = await startWorker({ queues: [queue], schedules: false });
  const events = await watchQueue(queue);
  return {
    events,
    close: async () => {
      await events.close();
      running.maintenance.stop();
      await Promise.all(running.workers.map((w) => w.close()));
    },
  };
}
