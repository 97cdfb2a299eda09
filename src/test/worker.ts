/** Integration-test helpers for the real worker, started in-process. */
import { QueueEvents } from "bullmq";
import { afterAll, beforeAll } from "vitest";
import { bullPrefix } from "@/server/queues/queues";
import { createRedisConnection } from "@/server/redis";
import { processors } from "../../worker/processors";
import { startWorker, type RunningWorker } from "../../worker/worker";

/**
 * Starts the worker before the surrounding tests and a QueueEvents on the system queue to await jobs with.
 * Only the workers are closed afterwards: the file's teardown (setup-int.ts) closes queues, Prisma and Redis.
 */
export function useInProcessWorker(opts: Parameters<typeof startWorker>[0] = {}) {
  const state = {} as { running: RunningWorker; events: QueueEvents };
  beforeAll(async () => {
    state.running = await startWorker(opts);
    state.events = new QueueEvents("system", { connection: createRedisConnection({ maxRetriesPerRequest: null }), prefix: bullPrefix() });
    await state.events.waitUntilReady();
  });
  afterAll(async () => {
    await state.events.close();
    state.running.maintenance.stop();
    await Promise.all(state.running.workers.map((w) => w.close()));
  });
  return state;
}

type SystemHandle = (typeof processors)["system"]["handle"];

/** Runs `fn` while the system queue's processor is `handle(original)`; the original is restored afterwards. */
export async function withSystemProcessor<T>(handle: (original: SystemHandle) => SystemHandle, fn: () => Promise<T>): Promise<T> {
  const original = processors.system.handle;
  processors.system.handle = handle(original);
  try {
    return await fn();
  } finally {
    processors.system.handle = original;
  }
}
