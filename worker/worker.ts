/**
 * Starts one BullMQ Worker per queue with the processors from processors/index.ts, and stops them in the
 * order that loses nothing: workers first (they finish active jobs), then Prisma, then Redis.
 * Every job runs inside a request context carrying the id of the web request that enqueued it, so its log
 * lines and error reports can be matched to that request. A job that fails for the last time is reported to
 * Sentry (earlier attempts are logged only: BullMQ retries them).
 * A job carrying an outbox row id (src/server/outbox/) runs through `deliverOutboxRow`: skipped when its row is
 * DONE already, marked DONE on success and DEAD after its last failed attempt.
 * Tests start the same worker in-process through `startWorker`.
 */
import * as Sentry from "@sentry/core";
import { Worker, type Job } from "bullmq";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { reportError } from "@/server/observability/error-reporting";
import { newRequestId, runWithRequestContext } from "@/server/observability/request-context";
import { QUEUES, QUEUE_NAMES, readJobMeta, type QueueName } from "@/server/queues/definitions";
import { bullPrefix, closeQueues } from "@/server/queues/queues";
import { closeRedis, createRedisConnection } from "@/server/redis";
import { recordWorkerHeartbeat } from "@/server/system/heartbeat";
import { parsePayload, processors } from "./processors";
import { deliverOutboxRow } from "@/server/outbox/deliver";
import { readOutboxId } from "@/server/outbox/outbox";
import { startMaintenance, type Maintenance } from "./maintenance";
import { registerSchedules } from "./schedules";

export type RunningWorker = { workers: Worker[]; maintenance: Maintenance; close: () => Promise<void> };

function jobContext(name: QueueName, job: Job | undefined) {
  const meta = readJobMeta(job?.data);
  // Scheduled jobs have no originating request: each run gets its own id so its lines still group together.
  return { requestId: meta.requestId ?? newRequestId(), userId: meta.userId, queue: name, jobId: job?.id };
}

/**
 * `schedules: false` registers no job schedulers and runs no scheduler check; `relay: false` runs no outbox
 * relay (both default to on, as in production; tests that count deliveries turn them off).
 */
export async function startWorker(opts: { queues?: QueueName[]; schedules?: boolean; relay?: boolean } = {}): Promise<RunningWorker> {
  const names = opts.queues ?? QUEUE_NAMES;
  const workers = names.map((name) => {
    const registration = processors[name];
    const worker = new Worker(
      QUEUES[name].name,
      async (job) =>
        runWithRequestContext(jobContext(name, job), () =>
          // One Sentry transaction per job (a no-op without Sentry), its database spans inside, tagged with the
          // request id that queued it: the link between a web request's trace and the work it caused.
          Sentry.startSpan(
            { name: `${name} ${job.name}`, op: "queue.process", forceTransaction: true, attributes: { request_id: jobContext(name, job).requestId, "messaging.message.id": job.id ?? "" } },
            async () => {
              const payload = parsePayload(name, job.data);
              logger.debug({ jobName: job.name, attempt: job.attemptsMade + 1 }, "queue job started");
              const handle = () => (registration.handle as (p: typeof payload, j: typeof job) => Promise<unknown>)(payload, job);
              const outboxId = readOutboxId(job.data);
              return outboxId ? deliverOutboxRow(db, outboxId, job, handle) : handle();
            },
          ),
        ),
      {
        // BullMQ requires workers' connections to retry forever rather than fail a blocking command.
        connection: createRedisConnection({ maxRetriesPerRequest: null }),
        prefix: bullPrefix(),
        concurrency: registration.concurrency,
      },
    );
    worker.on("failed", (job, err) => {
      const context = jobContext(name, job);
      const final = !job || job.attemptsMade >= (job.opts.attempts ?? 1);
      logger.error({ ...context, jobName: job?.name, attempts: job?.attemptsMade, final, err }, "queue job failed");
      if (final) reportError(err, { ...context, tags: { "job.name": job?.name ?? "unknown" } });
    });
    worker.on("error", (err) => logger.error({ queue: name, err }, "worker error"));
    return worker;
  });
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  if (opts.schedules !== false) await registerSchedules();
  // Readiness right after boot, without waiting for the first scheduled beat.
  if (names.includes("system")) await recordWorkerHeartbeat();
  const maintenance = startMaintenance({ relay: opts.relay ?? opts.schedules !== false, schedules: opts.schedules !== false });

  return {
    workers,
    maintenance,
    close: async () => {
      maintenance.stop();
      await Promise.all(workers.map((w) => w.close()));
      await closeQueues();
      await db.$disconnect();
      await closeRedis();
    },
  };
}
