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
  // Applies deadlines whose timers were lost (src/server/jobs/sweep-deadlines.ts).
  await getQueue("timers").upsertJobScheduler(
    "timers-sweep",
    { every: env.TIMER_SWEEP_SECONDS * 1000 },
    { name: "sweep", data: { kind: "sweep" }, opts: { removeOnComplete: true, removeOnFail: 100 } },
  );
}
