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
  // Monday 08:00 in APP_TIMEZONE (the cron's tz follows DST). The run itself is idempotent per scooper and week.
  await getQueue("notifications").upsertJobScheduler(
    "weekly-earnings",
    { pattern: "0 8 * * 1", tz: env.APP_TIMEZONE },
    { name: "weekly-earnings", data: { kind: "weekly-earnings" }, opts: { attempts: 3, removeOnComplete: 50, removeOnFail: 100 } },
  );
}
