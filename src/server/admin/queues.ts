/**
 * The queue dashboard, built on BullMQ's own API (bull-board has no App Router adapter): counts per queue,
 * failed jobs with their error, retry/remove (each audited), and every job scheduler's next run.
 * Job data carries ids only, so showing it reveals no personal data.
 */
import { z } from "zod";
import { QUEUE_NAMES, type QueueName } from "@/server/queues/definitions";
import { getQueue } from "@/server/queues/queues";
import type { Db, Tx } from "@/server/db";
import { readOutboxId } from "@/server/outbox/outbox";
import { retryDeadOutbox } from "./outbox";
import { AppError } from "@/server/errors";
import { recordAudit } from "@/server/audit/audit-log";

export const queueNameSchema = z.enum(QUEUE_NAMES as [QueueName, ...QueueName[]]);

export const queueOverviewSchema = z.array(
  z.object({
    name: z.string(),
    counts: z.object({ waiting: z.number(), active: z.number(), delayed: z.number(), completed: z.number(), failed: z.number(), prioritized: z.number() }),
    schedulers: z.array(z.object({ id: z.string(), pattern: z.string().nullable(), every: z.number().nullable(), tz: z.string().nullable(), next: z.date().nullable() })),
  }),
);

export async function queueOverview() {
  return Promise.all(
    QUEUE_NAMES.map(async (name) => {
      const queue = getQueue(name);
      const [counts, schedulers] = await Promise.all([
        queue.getJobCounts("waiting", "active", "delayed", "completed", "failed", "prioritized"),
        queue.getJobSchedulers(),
      ]);
      return {
        name,
        counts: {
          waiting: counts.waiting ?? 0, active: counts.active ?? 0, delayed: counts.delayed ?? 0,
          completed: counts.completed ?? 0, failed: counts.failed ?? 0, prioritized: counts.prioritized ?? 0,
        },
        schedulers: schedulers.map((s) => ({
          id: s.key, pattern: s.pattern ?? null, every: s.every ? Number(s.every) : null, tz: s.tz ?? null, next: s.next ? new Date(s.next) : null,
        })),
      };
    }),
  );
}

export const failedJobSchema = z.object({
  id: z.string(),
  name: z.string(),
  data: z.unknown(),
  failedReason: z.string().nullable(),
  attemptsMade: z.number(),
  failedAt: z.date().nullable(),
});

export async function listFailedJobs(name: QueueName, take = 50) {
  const jobs = await getQueue(name).getFailed(0, take - 1);
  return jobs.map((job) => ({
    id: job.id ?? "",
    name: job.name,
    data: job.data as unknown,
    failedReason: job.failedReason ?? null,
    attemptsMade: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
  }));
}

async function failedJob(name: QueueName, jobId: string) {
  const job = await getQueue(name).getJob(jobId);
  if (!job || !(await job.isFailed())) throw new AppError("NOT_FOUND", "admin.failedQueueJobNotFound");
  return job;
}

/**
 * A failed job that delivers an outbox row is retried through its row (retryDeadOutbox): the worker skips a
 * delivery whose row is DEAD, so a plain BullMQ retry would do nothing.
 */
export async function retryFailedJob(db: Db, actorId: string, name: QueueName, jobId: string): Promise<void> {
  const job = await failedJob(name, jobId);
  const outboxId = readOutboxId(job.data);
  if (outboxId) {
    await retryDeadOutbox(db, actorId, outboxId);
    return;
  }
  await job.retry("failed");
  await recordAudit(db, { actorId, action: "queue.job.retry", targetType: `queue:${name}`, targetId: jobId, before: { state: "failed", error: job.failedReason } });
}

export async function removeFailedJob(db: Tx, actorId: string, name: QueueName, jobId: string): Promise<void> {
  const job = await failedJob(name, jobId);
  await job.remove();
  await recordAudit(db, { actorId, action: "queue.job.remove", targetType: `queue:${name}`, targetId: jobId, before: { state: "failed", error: job.failedReason } });
}
