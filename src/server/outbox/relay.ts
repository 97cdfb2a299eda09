/**
 * The outbox relay, run by every worker every OUTBOX_RELAY_SECONDS from a process timer (not a BullMQ
 * scheduler, which Redis could lose with everything else). It looks at rows still waiting after
 * OUTBOX_GRACE_SECONDS and hands back to BullMQ those it no longer holds: Redis lost them (flushed, failed
 * over), the enqueue after commit failed, or the change was made while Redis was down. Adding under the row's
 * own id is a no-op when BullMQ still has the job, so relays of several workers never double a delivery.
 *
 * Email and push rows (EmailMessage / PushMessage, QUEUED) and stored Stripe events not yet applied are outbox
 * rows of their own and are relayed the same way under their ids (`email-<id>`, `push-<id>`, `stripe-event-<id>`).
 * A Stripe event whose job failed every attempt (Stripe or the database down for the minute and a half its backoff
 * lasts) is retried every 10 minutes for 3 days after it arrived, as long as Stripe itself keeps redelivering a
 * webhook: an invoice paid during a short outage still funds its visit. After that it waits for an admin.
 */
import { env } from "@/env";
import type { Db } from "@/server/db";
import { logger } from "@/server/logger";
import { QUEUES, type QueueName } from "@/server/queues/definitions";
import { getQueue } from "@/server/queues/queues";
import { outboxJob, outboxJobId } from "./outbox";

export type RelayReport = { requeued: number; dead: number; emails: number; pushes: number; stripeEvents: number; pruned: number };

const BATCH = 500;
const STRIPE_EVENT_RETRY_MINUTES = 10;
const STRIPE_EVENT_RETRY_DAYS = 3;

function isQueueName(name: string): name is QueueName {
  return Object.hasOwn(QUEUES, name);
}

export async function relayOutbox(db: Db, opts: { now?: Date; graceMs?: number; retentionDays?: number } = {}): Promise<RelayReport> {
  const now = opts.now ?? new Date();
  const before = new Date(now.getTime() - (opts.graceMs ?? env.OUTBOX_GRACE_SECONDS * 1000));
  const report: RelayReport = { requeued: 0, dead: 0, emails: 0, pushes: 0, stripeEvents: 0, pruned: 0 };

  const rows = await db.outboxMessage.findMany({
    where: { status: "PENDING", updatedAt: { lte: before } },
    orderBy: { createdAt: "asc" },
    take: BATCH,
    select: { id: true, queue: true, kind: true, payload: true, retries: true },
  });
  for (const row of rows) {
    if (!isQueueName(row.queue)) {
      logger.error({ outboxId: row.id, queue: row.queue }, "outbox row names no known queue");
      continue;
    }
    const queue = getQueue(row.queue);
    const held = await queue.getJob(outboxJobId(row));
    const state = held ? await held.getState() : "unknown";
    if (state === "failed") {
      // Every attempt failed but the row was not marked (the worker died in between): it is DEAD.
      const marked = await db.outboxMessage.updateMany({
        where: { id: row.id, status: "PENDING" },
        data: { status: "DEAD", lastError: (held?.failedReason ?? "failed").slice(0, 2000) },
      });
      report.dead += marked.count;
      continue;
    }
    if (state === "completed") await held?.remove(); // ran, yet the row is PENDING: its mark was lost; run it again
    else if (state !== "unknown") continue; // waiting, delayed or active: BullMQ has it
    const job = outboxJob(row);
    await queue.add(job.name, job.data, job.opts);
    report.requeued++;
  }

  const emails = await db.emailMessage.findMany({ where: { status: "QUEUED", createdAt: { lte: before } }, take: BATCH, select: { id: true } });
  for (const { id } of emails) {
    if (await getQueue("emails").getJob(`email-${id}`)) continue;
    await getQueue("emails").add("send", { kind: "send", messageId: id }, { jobId: `email-${id}` });
    report.emails++;
  }
  const pushes = await db.pushMessage.findMany({ where: { status: "QUEUED", createdAt: { lte: before } }, take: BATCH, select: { id: true } });
  for (const { id } of pushes) {
    if (await getQueue("push").getJob(`push-${id}`)) continue;
    await getQueue("push").add("send", { kind: "send", pushMessageId: id }, { jobId: `push-${id}` });
    report.pushes++;
  }
  const events = await db.stripeEvent.findMany({
    where: { processedAt: null, receivedAt: { lte: before } }, orderBy: { receivedAt: "asc" }, take: BATCH, select: { id: true, receivedAt: true },
  });
  for (const { id, receivedAt } of events) {
    const held = await getQueue("payments").getJob(`stripe-event-${id}`);
    if (held) {
      const retryDue = (held.finishedOn ?? now.getTime()) <= now.getTime() - STRIPE_EVENT_RETRY_MINUTES * 60_000;
      const stillRetried = receivedAt.getTime() > now.getTime() - STRIPE_EVENT_RETRY_DAYS * 86_400_000;
      if (retryDue && stillRetried && (await held.getState()) === "failed") {
        // Another worker's relay may have put it back a moment ago (BullMQ then refuses: no longer failed).
        const retried = await held.retry("failed", { resetAttemptsMade: true, resetAttemptsStarted: true }).then(() => true, () => false);
        if (retried) report.stripeEvents++;
      }
      continue;
    }
    await getQueue("payments").add("stripe-event", { kind: "stripe-event", eventId: id }, { jobId: `stripe-event-${id}` });
    report.stripeEvents++;
  }
  // Finished rows are history only; keep the table small. A bounded batch per pass, through the (status, createdAt) index.
  const keepAfter = new Date(now.getTime() - (opts.retentionDays ?? env.OUTBOX_RETENTION_DAYS) * 86_400_000);
  report.pruned = await db.$executeRaw`
    DELETE FROM "OutboxMessage" WHERE id IN (
      SELECT id FROM "OutboxMessage" WHERE status = 'DONE' AND "createdAt" < ${keepAfter} LIMIT 5000
    )`;
  const { pruned: _pruned, ...lost } = report;
  if (Object.values(lost).some((n) => n > 0)) logger.warn(report, "outbox relay re-queued lost side effects");
  return report;
}
