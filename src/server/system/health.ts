/**
 * Liveness and readiness, shared by the web app (/api/health, /api/health/ready) and the worker's health port
 * (worker/health-server.ts).
 * - Liveness: the process is up and answering. Cheap on purpose: Render restarts an instance whose liveness
 *   check fails, and a database outage is not cured by restarting the web servers.
 * - Readiness: everything a request or a job needs works: PostgreSQL and Redis answer, the worker's heartbeat
 *   is fresh (HEALTH_MAX_HEARTBEAT_AGE_SECONDS), no queue has more than HEALTH_MAX_QUEUE_BACKLOG waiting jobs, and
 *   no outbox side effect has waited longer than OUTBOX_STUCK_MINUTES (the relay or the worker is not running).
 *   It also says when the worker last re-created job schedulers that Redis had lost, and how many side effects
 *   failed every attempt (DEAD: an admin's retry is needed; reported, not a readiness failure).
 * Each check has a short timeout so a hung dependency reads as down. To add a check, add a field to
 * ReadinessReport and fold it into `ok`.
 */
import { env } from "@/env";
import { db } from "@/server/db";
import { QUEUE_NAMES, type QueueName } from "@/server/queues/definitions";
import { getQueue } from "@/server/queues/queues";
import { getRedis, type RedisConnection } from "@/server/redis";
import { readScheduleRepair, readWorkerHeartbeat } from "./heartbeat";

export type CheckResult = { ok: boolean; error?: string };

export type LivenessReport = { ok: true; service: string; uptimeSeconds: number };

export type ReadinessReport = {
  ok: boolean;
  database: CheckResult;
  redis: CheckResult;
  worker: CheckResult & { lastHeartbeatAt: string | null; ageSeconds: number | null; maxAgeSeconds: number };
  queues: CheckResult & { waiting: Partial<Record<QueueName, number>>; maxBacklog: number };
  outbox: CheckResult & { pending: number; stuck: number; dead: number; stuckAfterMinutes: number };
  schedules: { lastRepairAt: string | null; repaired: string[] };
};

const TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms).unref()),
  ]);
}

async function attempt<T>(fn: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  try {
    return { ok: true, value: await withTimeout(fn(), TIMEOUT_MS) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : "unknown error" };
  }
}

const result = (r: { ok: boolean; error?: string }): CheckResult => (r.ok ? { ok: true } : { ok: false, error: r.error });

export function checkLiveness(service: string): LivenessReport {
  return { ok: true, service, uptimeSeconds: Math.round(process.uptime()) };
}

/** `redis` is injectable so tests can point readiness at an unreachable server. */
export async function checkReadiness(deps: { redis?: RedisConnection } = {}): Promise<ReadinessReport> {
  const redisConn = deps.redis ?? getRedis();
  const [database, redis] = await Promise.all([attempt(() => db.$queryRaw`SELECT 1`), attempt(() => redisConn.ping())]);
  const outbox = await checkOutbox();
  const repair = redis.ok ? await attempt(() => readScheduleRepair(redisConn)) : null;
  const schedules = { lastRepairAt: repair?.ok ? (repair.value?.at ?? null) : null, repaired: repair?.ok ? (repair.value?.schedulers ?? []) : [] };

  const maxAgeSeconds = env.HEALTH_MAX_HEARTBEAT_AGE_SECONDS;
  const maxBacklog = env.HEALTH_MAX_QUEUE_BACKLOG;
  const worker: ReadinessReport["worker"] = { ok: false, lastHeartbeatAt: null, ageSeconds: null, maxAgeSeconds };
  const queues: ReadinessReport["queues"] = { ok: false, waiting: {}, maxBacklog };
  if (!redis.ok) {
    worker.error = queues.error = "Redis is unreachable";
  } else {
    const [beat, counts] = await Promise.all([
      attempt(() => readWorkerHeartbeat(redisConn)),
      attempt(() => Promise.all(QUEUE_NAMES.map(async (name) => [name, await getQueue(name).getWaitingCount()] as const))),
    ]);
    if (!beat.ok) worker.error = beat.error;
    else if (!beat.value) worker.error = "no heartbeat: is the worker running?";
    else {
      worker.lastHeartbeatAt = beat.value.toISOString();
      worker.ageSeconds = Math.round((Date.now() - beat.value.getTime()) / 1000);
      worker.ok = worker.ageSeconds <= maxAgeSeconds;
      if (!worker.ok) worker.error = `last heartbeat ${worker.ageSeconds}s ago (limit ${maxAgeSeconds}s)`;
    }
    if (!counts.ok) queues.error = counts.error;
    else {
      queues.waiting = Object.fromEntries(counts.value);
      const over = counts.value.filter(([, n]) => n > maxBacklog).map(([name]) => name);
      queues.ok = over.length === 0;
      if (!queues.ok) queues.error = `backlog over ${maxBacklog} in: ${over.join(", ")}`;
    }
  }
  return {
    ok: database.ok && redis.ok && worker.ok && queues.ok && outbox.ok,
    database: result(database),
    redis: result(redis),
    worker,
    queues,
    outbox,
    schedules,
  };
}

async function checkOutbox(): Promise<ReadinessReport["outbox"]> {
  const stuckAfterMinutes = env.OUTBOX_STUCK_MINUTES;
  const before = new Date(Date.now() - stuckAfterMinutes * 60_000);
  const counts = await attempt(() =>
    Promise.all([
      db.outboxMessage.count({ where: { status: "PENDING" } }),
      db.outboxMessage.count({ where: { status: "PENDING", createdAt: { lte: before } } }),
      db.outboxMessage.count({ where: { status: "DEAD" } }),
    ]),
  );
  if (!counts.ok) return { ok: false, error: counts.error, pending: 0, stuck: 0, dead: 0, stuckAfterMinutes };
  const [pending, stuck, dead] = counts.value;
  return {
    ok: stuck === 0, pending, stuck, dead, stuckAfterMinutes,
    ...(stuck ? { error: `${stuck} side effect(s) waiting longer than ${stuckAfterMinutes} min: is the worker running?` } : {}),
  };
}
