/**
 * Repeating jobs. `upsertJobScheduler` is idempotent, so every worker boot (and every extra worker) calls it
 * safely: there is one scheduler per id, whatever the number of workers. Schedulers live in Redis, so Redis can
 * lose them (a flush, a failover to an empty replica): `ensureSchedules` (worker/maintenance.ts, every
 * SCHEDULE_CHECK_SECONDS and on every Redis reconnect) re-creates any that is missing. A run lost with it (Redis
 * flushed, or failed over to an empty replica, around its time) is caught up: a re-created daily or weekly
 * scheduler whose last due time passed less than CATCH_UP_HOURS ago, on the same local date, also gets that run
 * now, once (the runs are idempotent: one job per subscription and date, one reminder per subscription and date,
 * one email per scooper and week; and each works out its date from the time it runs, so after midnight it would
 * serve the wrong day). To add one: add an entry to `schedules()`.
 */
import type { JobSchedulerTemplateOptions, RepeatOptions } from "bullmq";
import { env } from "@/env";
import { addDays, dayOfWeek, localDateIn, zonedTime } from "@/lib/schedules";
import type { QueueName, QueuePayload } from "@/server/queues/definitions";
import { getQueue } from "@/server/queues/queues";

/** "HH:MM" → a cron pattern firing at that wall-clock time daily, or on one weekday (0 = Sunday … 6 = Saturday). */
export function wallClockCron(time: string, weekday?: number): string {
  const [h, m] = time.split(":").map(Number);
  return `${m} ${h} * * ${weekday ?? "*"}`;
}

/** The weekly earnings email: Monday 08:00 in APP_TIMEZONE. */
const WEEKLY_EARNINGS = { time: "08:00", weekday: 1 } as const;

/** How long after a daily or weekly run's time a re-created scheduler still catches that run up. */
export const CATCH_UP_HOURS = 12;

/** The latest instant at or before `now` that is `time` in APP_TIMEZONE on a day `onDay` accepts. */
function lastDue(time: string, now: Date, onDay: (date: string) => boolean = () => true): Date {
  let date = localDateIn(env.APP_TIMEZONE, now);
  for (let i = 0; i < 8; i++, date = addDays(date, -1)) {
    const at = zonedTime(date, time, env.APP_TIMEZONE);
    if (at <= now && onDay(date)) return at;
  }
  throw new Error(`no ${time} in the last week`);
}

type Schedule = {
  [Q in QueueName]: {
    queue: Q; id: string; repeat: Omit<RepeatOptions, "key">; data: QueuePayload<Q>; opts: JobSchedulerTemplateOptions;
    /** A daily or weekly run: when it was last due (caught up when its scheduler was lost). */
    lastDue?: (now: Date) => Date;
  };
}[QueueName];

export function schedules(): Schedule[] {
  return [
    // The primary trigger of recurring generation; the Render cron backstop runs the same idempotent code.
    {
      queue: "recurring", id: "daily-recurring-generation",
      repeat: { pattern: wallClockCron(env.RECURRING_GENERATION_TIME), tz: env.APP_TIMEZONE },
      data: { kind: "generate-due" }, opts: { attempts: 3, backoff: { type: "exponential", delay: 60_000 } },
      lastDue: (now) => lastDue(env.RECURRING_GENERATION_TIME, now),
    },
    // The afternoon before each service date: remind the customer (idempotent per subscription and date).
    {
      queue: "recurring", id: "daily-service-reminders",
      repeat: { pattern: wallClockCron(env.RECURRING_REMINDER_TIME), tz: env.APP_TIMEZONE },
      data: { kind: "send-reminders" }, opts: { attempts: 3, backoff: { type: "exponential", delay: 60_000 } },
      lastDue: (now) => lastDue(env.RECURRING_REMINDER_TIME, now),
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
      repeat: { pattern: wallClockCron(WEEKLY_EARNINGS.time, WEEKLY_EARNINGS.weekday), tz: env.APP_TIMEZONE },
      data: { kind: "weekly-earnings" }, opts: { attempts: 3, removeOnComplete: 50, removeOnFail: 100 },
      lastDue: (now) => lastDue(WEEKLY_EARNINGS.time, now, (date) => dayOfWeek(date) === WEEKLY_EARNINGS.weekday),
    },
  ];
}

export async function registerSchedules(only?: (s: Schedule) => boolean): Promise<string[]> {
  const chosen = schedules().filter((s) => !only || only(s));
  for (const s of chosen) await getQueue(s.queue).upsertJobScheduler(s.id, s.repeat, { name: s.data.kind, data: s.data, opts: s.opts });
  return chosen.map((s) => s.id);
}

/**
 * Re-creates the schedulers Redis no longer has, and catches up a daily or weekly run of theirs that was due in the
 * last CATCH_UP_HOURS the same local day (once per due time: its job id names it); returns the re-created ids (empty
 * when all were there).
 */
export async function ensureSchedules(now = new Date()): Promise<string[]> {
  const present = await Promise.all(schedules().map(async (s) => [s.id, !!(await getQueue(s.queue).getJobScheduler(s.id))] as const));
  const missing = new Set(present.filter(([, ok]) => !ok).map(([id]) => id));
  if (missing.size === 0) return [];
  const repaired = await registerSchedules((s) => missing.has(s.id));
  for (const s of schedules().filter((s) => missing.has(s.id) && s.lastDue)) {
    const due = s.lastDue!(now);
    if (now.getTime() - due.getTime() > CATCH_UP_HOURS * 3_600_000) continue;
    // The run takes its date from when it runs: past midnight it would remind or generate for the wrong day.
    if (localDateIn(env.APP_TIMEZONE, now) !== localDateIn(env.APP_TIMEZONE, due)) continue;
    await getQueue(s.queue).add(s.data.kind, s.data, { ...s.opts, jobId: catchUpJobId(s.id, due) });
  }
  return repaired;
}

/** The one catch-up run of scheduler `id` for its run due at `due`. */
export const catchUpJobId = (id: string, due: Date) => `catch-up-${id}-${due.getTime()}`;
