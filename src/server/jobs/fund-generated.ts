/**
 * Funding a batch of generated recurring jobs at once. Generation writes one `settle authorize` outbox row per job
 * (the durable record of the step, as for any job); when holds need no customer and no network (the ledger), it
 * hands the worker ONE `fund-generated` job per batch instead of one job per row, and the worker funds and opens
 * the whole batch here in one transaction of a few set-based statements, nothing sent or mapped per row: the jobs
 * locked, the holds (payment-book.ts `bookLedgerHolds`: one statement, the same rows and keys as
 * `authorizeJobPayment`), then one statement for AWAITING_PAYMENT → OPEN, the "posted" timeline entries and the
 * rows marked DONE; the preferred scoopers' notices, and the opened jobs' board fields. After the commit: every timer in one `addBulk`, and one board event for the
 * batch (`jobs.batch-opened`; reserved jobs still go out one by one, for their scooper only).
 *
 * Anything the batch does not fund — a job no longer waiting for its money, one whose payment exists already, a
 * batch whose transaction failed, Stripe — goes the ordinary way: its row is queued on its own (settleJob in
 * funding.ts), with its retries and its DEAD state. If this job is lost (Redis flushed, the worker killed) the
 * rows are still PENDING and the outbox relay queues them one by one. Every step stays idempotent: the hold is
 * keyed per job, the opening is guarded by the job's state, and a DONE row is never delivered again.
 */
import { env } from "@/env";
import type { Db } from "@/server/db";
import { logger } from "@/server/logger";
import { jobChangeNotification } from "@/server/notifications/job-change";
import { dispatchOutbox, writeOutbox, type OutboxRow } from "@/server/outbox/outbox";
import { paymentsContext } from "@/server/payments/context";
import { bookLedgerHolds } from "@/server/payments/payment-book";
import { enqueue, withinHandOverTime } from "@/server/queues/queues";
import { publishJobChangesAndBoard, type BoardEvent } from "@/server/realtime/events";
import { takeHomeCents } from "@/lib/money";
import { approximateLocation } from "@/lib/privacy";
import type { CleanupJob } from "@/generated/prisma/client";
import { jobRules } from "./config";
import { scheduleJobTimersInBulk } from "./timers";

/** True when generated jobs' holds are booked at once (the ledger): generation then queues one funding job per batch. */
export function fundsGeneratedJobsAtOnce(): boolean {
  const ctx = paymentsContext();
  return !ctx.stripe && ctx.gateway.name === "ledger";
}

/**
 * After generation's commit: hands a batch's authorization rows to the worker — as one `fund-generated` job when
 * holds are immediate, else one `settle` job per row (Stripe: each job waits for its own card). Never throws: rows
 * that could not be queued are still PENDING, and the relay queues them.
 */
export async function queueGeneratedFunding(rows: OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (!fundsGeneratedJobsAtOnce()) return dispatchOutbox(rows);
  try {
    await withinHandOverTime(
      enqueue("payments", { kind: "fund-generated", outboxIds: rows.map((r) => r.id) }, {
        jobId: `fund-generated-${rows[0]!.id}`, attempts: 3, backoff: { type: "exponential", delay: env.OUTBOX_BACKOFF_MS },
        removeOnComplete: { age: 24 * 3600, count: 1000 }, removeOnFail: { age: 14 * 24 * 3600 },
      }),
    );
  } catch (err) {
    logger.warn({ err, rows: rows.length }, "could not queue a generated batch's funding; the outbox relay will queue its rows");
  }
}

/** The board fields of an opened job (the columns the opening statement returns). */
type Opened = Pick<
  CleanupJob,
  | "id" | "lat" | "lng" | "address" | "priceCents" | "type" | "pileEstimate" | "litterLevel" | "yardSegments" | "createdAt" | "expiresAt"
  | "exclusiveScooperId" | "platformFeePercent"
>;

export type FundReport = { opened: number; individually: number };

/** The worker's side of a `fund-generated` job. */
export async function fundGeneratedJobs(db: Db, outboxIds: string[], now = new Date()): Promise<FundReport> {
  const started = performance.now();
  // The ids as one JSON parameter (as in openBatch): cheaper for Prisma than 500 bound values.
  const rows = await db.$queryRaw<OutboxRow[]>`
    SELECT id, queue, kind, payload, retries FROM "OutboxMessage"
    WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify(outboxIds)}::jsonb)) AND status = 'PENDING'`;
  const rowOfJob = new Map<string, OutboxRow>();
  for (const row of rows) {
    const p = row.payload as { kind?: unknown; jobId?: unknown; step?: unknown } | null;
    if (row.queue === "payments" && p?.kind === "settle" && p.step === "authorize" && typeof p.jobId === "string") rowOfJob.set(p.jobId, row);
  }

  let opened: Opened[] = [];
  let notices: OutboxRow[] = [];
  const steps: FundingSteps = { lockMs: 0, holdMs: 0, openMs: 0, noticesMs: 0 };
  const read = performance.now();
  if (rowOfJob.size > 0 && fundsGeneratedJobsAtOnce()) {
    try {
      ({ opened, notices } = await openBatch(db, rowOfJob, now, steps));
    } catch (err) {
      logger.warn({ err, jobs: rowOfJob.size }, "funding a generated batch failed; funding its jobs one by one");
      opened = [];
      notices = [];
    }
  }

  const funded = performance.now();
  // The rest go the ordinary way, one `settle` job per row (BullMQ ignores a row it already holds).
  const done = new Set(opened.map((j) => rowOfJob.get(j.id)!.id));
  const rest = rows.filter((r) => !done.has(r.id));
  await dispatchOutbox(rest);
  if (opened.length > 0) await afterOpening(opened, notices);
  const ms = (from: number, to: number) => Math.round(to - from);
  logger.info(
    {
      jobs: outboxIds.length, opened: opened.length, individually: rest.length,
      readMs: ms(started, read), fundMs: ms(read, funded), ...steps, announceMs: ms(funded, performance.now()),
    },
    "generated batch funded",
  );
  return { opened: opened.length, individually: rest.length };
}

/** Where a funding transaction's time went (ms), for the log line the bench reads. */
type FundingSteps = { lockMs: number; holdMs: number; openMs: number; noticesMs: number };

async function openBatch(db: Db, rowOfJob: Map<string, OutboxRow>, now: Date, steps: FundingSteps): Promise<{ opened: Opened[]; notices: OutboxRow[] }> {
  const expiresAt = new Date(now.getTime() + jobRules.expiryMs);
  const exclusiveUntil = new Date(now.getTime() + env.PREFERRED_SCOOPER_WINDOW_MINUTES * 60_000);
  return db.$transaction(
    async (tx) => {
      let lap = performance.now();
      const step = (name: keyof FundingSteps) => {
        const at = performance.now();
        steps[name] = Math.round(at - lap);
        lap = at;
      };
      // Locked while waiting for their money: a cancellation racing this batch waits, then finds the job OPEN (and paid).
      const due = await tx.$queryRaw<{ id: string; posterId: string; priceCents: number; exclusiveScooperId: string | null }[]>`
        SELECT id, "posterId", "priceCents", "exclusiveScooperId" FROM "CleanupJob"
        WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify([...rowOfJob.keys()])}::jsonb)) AND status = 'AWAITING_PAYMENT' FOR UPDATE`;
      step("lockMs");
      const booked = await bookLedgerHolds(tx, due.map((j) => ({ jobId: j.id, customerId: j.posterId, amountCents: j.priceCents })));
      step("holdMs");
      if (booked.length === 0) return { opened: [], notices: [] };
      // One statement opens them all (the expiry, and a preferred scooper's window, count from the opening, as in
      // openPaidJob), writes their "posted" entries, marks their authorization rows DONE and returns their board
      // fields (enums as text, as the board query reads them). The ids go in as one JSON parameter, as in bookLedgerHolds.
      const rows = JSON.stringify(booked.map((jobId) => ({ jobId, outboxId: rowOfJob.get(jobId)!.id })));
      const opened = await tx.$queryRaw<Opened[]>`
        WITH opened AS (
          UPDATE "CleanupJob" SET status = 'OPEN', "expiresAt" = ${expiresAt}::timestamp,
            "exclusiveUntil" = CASE WHEN "exclusiveScooperId" IS NULL THEN NULL ELSE ${exclusiveUntil}::timestamp END, "updatedAt" = now()
          WHERE id IN (SELECT "jobId" FROM jsonb_to_recordset(${rows}::jsonb) AS r("jobId" text)) AND status = 'AWAITING_PAYMENT'
          RETURNING id, lat, lng, address, "priceCents", type::text AS type, "pileEstimate"::text AS "pileEstimate",
            "litterLevel"::text AS "litterLevel", "yardSegments"::text[] AS "yardSegments", "createdAt", "expiresAt",
            "exclusiveScooperId", "platformFeePercent"
        ), posted AS (
          INSERT INTO "JobEvent" (id, "jobId", "actorId", type, "fromStatus", "toStatus", details)
          SELECT gen_random_uuid()::text, id, NULL, 'posted', 'AWAITING_PAYMENT', 'OPEN', ${JSON.stringify({ paid: true })}::jsonb FROM opened
        ), done AS (
          UPDATE "OutboxMessage" o SET status = 'DONE', "processedAt" = now(), "updatedAt" = now()
          FROM jsonb_to_recordset(${rows}::jsonb) AS r("jobId" text, "outboxId" text)
          JOIN opened ON opened.id = r."jobId"
          WHERE o.id = r."outboxId" AND o.status = 'PENDING'
        )
        SELECT * FROM opened`;
      step("openMs");
      const notices = await writeOutbox(tx, opened.filter((j) => j.exclusiveScooperId).map((j) => jobChangeNotification(j.id, "reserved")));
      step("noticesMs");
      return { opened, notices };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** Timers, board and job channels, notices: best effort like every announcement (the sweep and resyncs cover a loss). */
async function afterOpening(opened: Opened[], notices: OutboxRow[]): Promise<void> {
  const timers = opened.flatMap((j) => [
    { kind: "expire" as const, jobId: j.id, at: j.expiresAt },
    ...(j.exclusiveScooperId ? [{ kind: "open-to-all" as const, jobId: j.id, at: new Date(Date.now() + env.PREFERRED_SCOOPER_WINDOW_MINUTES * 60_000) }] : []),
  ]);
  const view = (j: Opened) => {
    const { exclusiveScooperId: _e, platformFeePercent, ...board } = j;
    return { ...approximateLocation(board), takeHomeCents: takeHomeCents(board.priceCents, platformFeePercent) };
  };
  const everyone = opened.filter((j) => !j.exclusiveScooperId).map(view);
  const board: BoardEvent[] = opened
    .filter((j) => j.exclusiveScooperId)
    .map((j) => ({ type: "job.opened" as const, job: view(j), onlyFor: j.exclusiveScooperId }));
  if (everyone.length > 0) board.unshift({ type: "jobs.batch-opened", jobs: everyone, bounds: boxAround(everyone) });
  await Promise.all([
    scheduleJobTimersInBulk(timers),
    publishJobChangesAndBoard(opened.map((j) => ({ jobId: j.id, status: "OPEN" as const, change: "posted" })), board).catch((err: unknown) =>
      logger.error({ err, jobs: opened.length }, "announcing a generated batch failed"),
    ),
    dispatchOutbox(notices),
  ]);
}

function boxAround(jobs: { lat: number; lng: number }[]) {
  const lats = jobs.map((j) => j.lat);
  const lngs = jobs.map((j) => j.lng);
  return { south: Math.min(...lats), west: Math.min(...lngs), north: Math.max(...lats), east: Math.max(...lngs) };
}
