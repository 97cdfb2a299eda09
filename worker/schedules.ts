/**
 * Repeating jobs. `upsertJobScheduler` is idempotent, so every worker boot (and every extra worker) calls it
 * safely: there is one scheduler per id, whatever the number of workers. Schedulers live in Redis, so Redis can
 * lose them (a flush, a failover to an empty replica): `ensureSchedules` (worker/maintenance.ts, every
 * SCHEDULE_CHECK_SECONDS and on every Redis reconnect) re-creates any that is missing.
 * To add one: add an entry to `schedules()`.
 */
import type { JobSchedulerTemplateOptions, RepeatOptions } from "bullmq";
import { env } from "@/env";
import type { QueueName, QueuePayload } from "@/server/queues/definitions";
import { getQueue } from "@/server/queues/queues";

/** "HH:MM" → a cron pattern firing daily at that wall-clock time. */
export function dailyCronPattern(time: string): string {
  const [h, m] = time.split(":").map(Number);
  return `${m} ${h} * * *`;
}

type Schedule = { [Q in QueueName]: { queue: Q; id: string; repeat: Omit<RepeatOptions, "key">; data: QueuePayload<Q>; opts: JobSchedulerTemplateOptions } }[QueueName];

export function schedules(): Schedule[] {
  return [
    // The primary trigger of recurring generation; the Render cron backstop runs the same idempotent code.
    {
      queue: "recurring", id: "daily-recurring-generation",
      repeat: { pattern: dailyCronPattern(env.RECURRING_GENERATION_TIME), tz: env.APP_TIMEZONE },
      data: { kind: "generate-due" }, opts: { attempts: 3, backoff: { type: "exponential", delay: 60_000 } },
    },
    // The afternoon before each service date: remind the customer (idempotent per subscription and date).
    {
      queue: "recurring", id: "daily-service-reminders",
      repeat: { pattern: dailyCronPattern(env.RECURRING_REMINDER_TIME), tz: env.APP_TIMEZONE },
      data: { kind: "send-reminders" }, opts: { attempts: 3, backoff: { type: "exponential", delay: 60_000 } },
    },
    {
      queue: "system", id: "worker-heartbeat",
      repeat: { every: env.WORKER_HEARTBEAT_SECONDS * 1000 },
      data: { kind: "heartbeat" }, opts: { removeOnComplete: true, removeOnFail: 100 },
    },
    // Applies deadlines whose timers were lost (src/server/jobs/sweep-deadlines.ts).
    {
      queue: "timers", id: "timers-sweep",
      repeat: { every: env.TIMER_SWEEP_SECONDS * 1000 },
      data: { kind: "sweep" }, opts: { removeOnComplete: true, removeOnFail: 100 },
    },
    // Monday 08:00 in APP_TIMEZONE (the cron's tz follows DST). The run itself is idempotent per scooper and week.
    {
      queue: "notifications", id: "weekly-earnings",
      repeat: { pattern: "0 8 * * 1", tz: env.APP_TIMEZONE },
      data: { kind: "weekly-earnings" }, opts: { attempts: 3, removeOnComplete: 50, removeOnFail: 100 },
    },
  ];
}

export async function registerSchedules(only?: (s: Schedule) => boolean): Promise<string[]> {
  const chosen = schedules().filter((s) => !only || only(s));
  for (const s of chosen) await getQueue(s.queue).upsertJobScheduler(s.id, s.repeat, { name: s.data.kind, data: s.data, opts: s.opts });
  return chosen.map((s) => s.id);
}

/** Re-creates the schedulers Redis no longer has; returns their ids (empty when all were there). */
export async function ensureSchedules(): Promise<string[]> {
  const present = await Promise.all(schedules().map(async (s) => [s.id, !!(await getQueue(s.queue).getJobScheduler(s.id))] as const));
  const missing = new Set(present.filter(([, ok]) => !ok).map(([id]) => id));
  if (missing.size === 0) return [];
  return registerSchedules((s) => missing.has(s.id));
}
