/**
 * Repeating jobs. `upsertJobScheduler` is idempotent, so every worker boot (and every extra worker) calls it
 * safely: there is one scheduler per id, whatever the number of workers.
 */
import { env } from "@/env";
import { getQueue } from "@/server/queues/queues";

/** "HH:MM" → a cron pattern firing daily at that wall-clock time. */
export function dailyCronPattern(time: string): string {
  const [h, m] = time.split(":").map(Number);
  return `${m} ${h} * * *`;
}

export async function registerSchedules(): Promise<void> {
  // The primary trigger of recurring generation; the Render cron backstop runs the same idempotent code.
  await getQueue("recurring").upsertJobScheduler(
    "daily-recurring-generation",
    { pattern: dailyCronPattern(env.RECURRING_GENERATION_TIME), tz: env.APP_TIMEZONE },
    { name: "generate-due", data: { kind: "generate-due" }, opts: { attempts: 3, backoff: { type: "exponential", delay: 60_000 } } },
  );
  // The afternoon before each service date: remind the customer (idempotent per subscription and date).
  await getQueue("recurring").upsertJobScheduler(
    "daily-service-reminders",
    { pattern: dailyCronPattern(env.RECURRING_REMINDER_TIME), tz: env.APP_TIMEZONE },
    { name: "send-reminders", data: { kind: "send-reminders" }, opts: { attempts: 3, backoff: { type: "exponential", delay: 60_000 } } },
  );
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
  // Monday 08:00 in APP_TIMEZONE (the cron's tz follows DST). The run itself is idempotent per scooper and week.
  await getQueue("notifications").upsertJobScheduler(
    "weekly-earnings",
    { pattern: "0 8 * * 1", tz: env.APP_TIMEZONE },
    { name: "weekly-earnings", data: { kind: "weekly-earnings" }, opts: { attempts: 3, removeOnComplete: 50, removeOnFail: 100 } },
  );
}
