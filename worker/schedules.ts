/**
 * Repeating jobs. `upsertJobScheduler` is idempotent, so every worker boot (and every extra worker) calls it
 * safely: there is one scheduler per id, whatever the number of workers.
 */
import { env } from "@/env";
import { getQueue } from "@/server/queues/queues";

export async function registerSchedules(): Promise<void> {
  await getQueue("system").upsertJobScheduler(
    "worker-heartbeat",
    { every: env.WORKER_HEARTBEAT_SECONDS * 1000 },
    { name: "heartbeat", data: { kind: "heartbeat" }, opts: { removeOnComplete: true, removeOnFail: 100 } },
  );
}
