/**
 * Recurring generation: for every ACTIVE subscription whose service date is today (APP_TIMEZONE), create one
 * ordinary cleanup job. The unique index on (recurringId, serviceDate) makes it exactly once however it is
 * triggered (worker schedule, CLI, HTTP cron) and however often, even concurrently: a second insert is
 * skipped by the database, never by a read-then-write check. Only today is considered, so a generator that
 * was down never creates a backlog. Subscriptions are inserted in batches; a batch that fails is retried one
 * subscription at a time so one bad subscription is reported as failed and the rest still get their jobs.
 */
import { env } from "@/env";
import { Prisma } from "@/generated/prisma/client";
import type { SkipReason } from "@/generated/prisma/enums";
import { isServiceDate, localDateIn, type LocalDate } from "@/lib/schedules";
import type { Db } from "@/server/db";
import { logger } from "@/server/logger";
import { dispatchOutbox, writeOutbox, type OutboxRow } from "@/server/outbox/outbox";
import { jobChangeNotification } from "@/server/notifications/job-change";
import { paymentsContext } from "@/server/payments/context";
import { bookLedgerHolds } from "@/server/payments/payment-book";
import { generatedJobData, generatedJobFunding, validateGeneratedJob, type DueSubscription } from "./generated-job";
import { announceOpenedBatch, type OpenedJob } from "./announce-batch";
import { fromDbDate, toDbDate } from "@/server/calendar";

export type GenerationSummary = {
  serviceDate: LocalDate;
  generated: number;
  /** Already served (a second run). */
  skipped: number;
  /** Not generated because the customer skipped the date (skip-visit.ts). */
  skippedByCustomer: number;
  /** Not generated because an admin skipped the date's visits in the area for the weather (weather-skip.ts). */
  skippedByWeather: number;
  failed: number;
  jobs: { subscriptionId: string; jobId: string }[];
  failures: { subscriptionId: string; error: string }[];
  /**
   * Where the run's time went, in ms: reading what is due, then the batches' inserts (with the ledger, their holds
   * too) and hand-overs — timers, board events and notices, or Stripe's settle jobs (summed over batches).
   */
  timings: { selectMs: number; insertMs: number; handOverMs: number };
};

/** A batch's outcome: what was created, and what to hand over after the commit. */
type Inserted = { outbox: OutboxRow[]; opened: OpenedJob[] };

export const BATCH_SIZE = 500;
/** Batches inserted at once; well under the database pool (DATABASE_POOL_SIZE, 10 by default). */
export const BATCHES_IN_FLIGHT = 2;

const dueSelect = {
  id: true, customerId: true, frequency: true, firstServiceDate: true, priceCents: true, address: true, lat: true, lng: true,
  type: true, pileEstimate: true, litterLevel: true, yardSegments: true, publicNotes: true, accessNotes: true, preferredScooperId: true,
} as const satisfies Prisma.RecurringCleanupSelect;

export async function generateDueRecurringJobs(db: Db, opts: { now?: Date } = {}): Promise<GenerationSummary> {
  const now = opts.now ?? new Date();
  const serviceDate = localDateIn(env.APP_TIMEZONE, now);
  const day = toDbDate(serviceDate);
  const summary: GenerationSummary = {
    serviceDate, generated: 0, skipped: 0, skippedByCustomer: 0, skippedByWeather: 0, failed: 0, jobs: [], failures: [],
    timings: { selectMs: 0, insertMs: 0, handOverMs: 0 },
  };
  const started = performance.now();
  // The ledger holds at once and never refuses, so each job is created OPEN with its hold in the same transaction.
  const fundNow = holdsAreImmediate();

  // A pause with an end date ends on that date.
  await db.recurringCleanup.updateMany({ where: { status: "PAUSED", pausedUntil: { lte: day } }, data: { status: "ACTIVE", pausedUntil: null } });

  // Three independent reads at once: the candidates; the subscriptions already served today, skipped up front (a
  // re-run then costs these reads; the unique index still decides for runs that overlap); and the day's skips,
  // read by date rather than by every candidate's id.
  const [candidates, servedJobs, skips] = await Promise.all([
    db.recurringCleanup.findMany({ where: { status: "ACTIVE", firstServiceDate: { lte: day } }, select: dueSelect }),
    db.cleanupJob.findMany({ where: { serviceDate: day, recurringId: { not: null } }, select: { recurringId: true } }),
    skippedOn(db, day),
  ]);
  const served = new Set(servedJobs.map((j) => j.recurringId));
  const due: DueSubscription[] = [];
  for (const s of candidates) {
    if (!isServiceDate({ frequency: s.frequency, firstServiceDate: fromDbDate(s.firstServiceDate) }, serviceDate)) continue;
    if (served.has(s.id)) summary.skipped++;
    else if (skips.has(s.id)) countSkip(summary, skips.get(s.id)!);
    else due.push(s);
  }
  summary.timings.selectMs = performance.now() - started;

  const batches: DueSubscription[][] = [];
  for (let i = 0; i < due.length; i += BATCH_SIZE) batches.push(due.slice(i, i + BATCH_SIZE));
  // A few batches in flight at once: each waits on the database most of its time. Overlapping batches are as safe
  // as overlapping runs: the unique index decides. A committed batch's hand-over (Redis) runs while the lane
  // inserts its next batch (PostgreSQL); the run returns once every hand-over is done.
  let next = 0;
  const handOvers: Promise<void>[] = [];
  const lane = async () => {
    while (next < batches.length) {
      const n = next++;
      handOvers.push((await generateBatch(db, batches[n]!, n, { serviceDate, now, fundNow }, summary)).handOver);
    }
  };
  await Promise.all(Array.from({ length: Math.min(BATCHES_IN_FLIGHT, batches.length) }, lane));
  await Promise.all(handOvers);
  logger.info(
    {
      serviceDate, generated: summary.generated, skipped: summary.skipped, skippedByCustomer: summary.skippedByCustomer,
      skippedByWeather: summary.skippedByWeather, failed: summary.failed, timings: summary.timings,
    },
    "recurring generation done",
  );
  return summary;
}

type Run = { serviceDate: LocalDate; now: Date; fundNow: boolean };

/** Inserts one batch; returns its hand-over, already started (it never rejects). */
async function generateBatch(db: Db, batch: DueSubscription[], n: number, run: Run, summary: GenerationSummary): Promise<{ handOver: Promise<void> }> {
  const valid: DueSubscription[] = [];
  for (const sub of batch) {
    const problem = validateGeneratedJob(sub);
    if (problem) fail(summary, sub.id, problem);
    else valid.push(sub);
  }
  const done: Inserted = { outbox: [], opened: [] };
  const add = (part: Inserted) => {
    done.outbox.push(...part.outbox);
    done.opened.push(...part.opened);
  };
  const started = performance.now();
  try {
    add(await insertBatch(db, valid, run, summary));
  } catch (err) {
    logger.warn({ err, batch: n }, "recurring batch failed; retrying one by one");
    for (const sub of valid) {
      try {
        add(await insertBatch(db, [sub], run, summary));
      } catch (e) {
        fail(summary, sub.id, e instanceof Error ? e.message : String(e));
      }
    }
  }
  const inserted = performance.now();
  summary.timings.insertMs += inserted - started;
  // One hand-over per batch, however it was inserted: with the ledger its timers, one board event and the
  // preferred scoopers' notices; with Stripe one `settle` job per row (each job waits on its own card).
  const handOver = (run.fundNow ? announceOpenedBatch(done.opened, done.outbox) : dispatchOutbox(done.outbox))
    .catch((err: unknown) => logger.error({ err, batch: n }, "handing over a generated batch failed"))
    .finally(() => {
      summary.timings.handOverMs += performance.now() - inserted;
    });
  return { handOver };
}

/** True when holds are booked at once and cannot be refused (the ledger), so a generated job opens with its hold. */
function holdsAreImmediate(): boolean {
  const ctx = paymentsContext();
  return !ctx.stripe && ctx.gateway.name === "ledger";
}

function fail(summary: GenerationSummary, subscriptionId: string, error: string) {
  summary.failed++;
  summary.failures.push({ subscriptionId, error });
  logger.error({ subscriptionId, error }, "recurring subscription failed to generate");
}

/**
 * One transaction per batch. `INSERT … ON CONFLICT DO NOTHING RETURNING` creates the jobs, so only what this run
 * created comes back, and everything else follows from those rows only:
 *  - ledger: the jobs are created OPEN — the state `openPaidJob` would give them once their hold is booked, their
 *    expiry and a preferred scooper's window counted from now — with their "posted" timeline entries; then every
 *    hold in one statement (`bookLedgerHolds`: the same payment, `authorize` operation, key and balanced entries as
 *    a single authorization) and the preferred scoopers' notices. A job is never OPEN without its hold: both commit
 *    together or neither does. Nothing is left for the worker to fund, so the job row is written once.
 *  - Stripe: the jobs wait AWAITING_PAYMENT with, in the outbox, the authorization each one owes (`settle`).
 */
async function insertBatch(db: Db, subs: DueSubscription[], run: Run, summary: GenerationSummary): Promise<Inserted> {
  if (subs.length === 0) return { outbox: [], opened: [] };
  const { created, outbox, opened, lateSkips } = await db.$transaction(async (tx) => {
    // A customer's skip locks its subscription FOR UPDATE (skip-visit.ts): share-lock the batch's rows, then drop
    // the dates skipped in the meantime, so a skip and this insert never both succeed. Two statements: the skips
    // must be read with a snapshot taken after the locks are held (one statement would keep its older snapshot).
    // The ids go in as one JSON parameter: Prisma spends several times the CPU binding 500 separate values.
    const ids = JSON.stringify(subs.map((s) => s.id));
    await tx.$queryRaw`SELECT id FROM "RecurringCleanup" WHERE id IN (SELECT jsonb_array_elements_text(${ids}::jsonb)) FOR SHARE`;
    const late = await tx.$queryRaw<{ id: string; reason: SkipReason }[]>`
      SELECT "recurringId" AS id, reason::text AS reason FROM "SkippedVisit"
      WHERE "serviceDate" = ${toDbDate(run.serviceDate)}::date AND "recurringId" IN (SELECT jsonb_array_elements_text(${ids}::jsonb))`;
    const skipped = new Map(late.map((l) => [l.id, l.reason]));
    const serve = subs.filter((s) => !skipped.has(s.id));
    const lateSkips = [...skipped.values()];
    if (serve.length === 0) return { created: [], outbox: [], opened: [], lateSkips };
    const serveIds = serve.length === subs.length ? ids : JSON.stringify(serve.map((s) => s.id));
    if (run.fundNow) {
      const rows = await tx.$queryRaw<(OpenedJob & { recurringId: string; posterId: string })[]>(openJobsSql(serveIds, run.serviceDate, run.now));
      const booked = await bookLedgerHolds(tx, rows.map((j) => ({ jobId: j.id, customerId: j.posterId, amountCents: j.priceCents })));
      // New jobs have no payment yet, so each gets its hold here; anything else must not open unpaid.
      if (booked.length !== rows.length) throw new Error(`holds booked for ${booked.length} of ${rows.length} generated jobs`);
      const notices = await writeOutbox(tx, rows.filter((j) => j.exclusiveScooperId).map((j) => jobChangeNotification(j.id, "reserved")));
      const opened = rows.map(({ recurringId: _r, posterId: _p, ...job }) => job);
      return { created: rows, outbox: notices, opened, lateSkips };
    }
    const rows = await tx.$queryRaw<{ id: string; recurringId: string; outboxId: string | null; payload: Prisma.JsonValue }[]>(
      insertJobsSql(serveIds, run.serviceDate, run.now),
    );
    const outbox: OutboxRow[] = rows.flatMap((r) => (r.outboxId ? [{ id: r.outboxId, queue: "payments", kind: "settle", payload: r.payload, retries: 0 }] : []));
    return { created: rows, outbox, opened: [], lateSkips };
    // A batch of 500 on a busy database may take longer than Prisma's 5 s default; timing it out would only send
    // the whole batch down the one-by-one path, which is slower still.
  }, { timeout: 60_000, maxWait: 30_000 });
  summary.generated += created.length;
  for (const reason of lateSkips) countSkip(summary, reason);
  summary.skipped += subs.length - lateSkips.length - created.length;
  for (const job of created) summary.jobs.push({ subscriptionId: job.recurringId, jobId: job.id });
  return { outbox, opened };
}

/** The job columns filled from the subscription's row `r`, and the values the same for every job of the run, as `generatedJobData` sets them. */
function jobColumnsSql(serviceDate: LocalDate, now: Date) {
  const job = generatedJobData({ preferredScooperId: "x" } as DueSubscription, serviceDate, now);
  return {
    columns: Prisma.sql`id, status, "posterId", "recurringId", "serviceDate", address, lat, lng, "priceCents",
      "platformFeePercent", "cancellationFeePercent", "minCancelFeeCents", type, "pileEstimate", "litterLevel", "yardSegments",
      "publicNotes", "accessNotes", "expiresAt", "exclusiveScooperId", "exclusiveUntil", "updatedAt"`,
    values: (status: "OPEN" | "AWAITING_PAYMENT") => Prisma.sql`gen_random_uuid()::text, ${status}::"JobStatus", r."customerId", r.id, ${job.serviceDate}::date,
      r.address, r.lat, r.lng, r."priceCents", ${job.platformFeePercent}, ${job.cancellationFeePercent}, ${job.minCancelFeeCents}, r.type,
      r."pileEstimate", r."litterLevel", r."yardSegments", r."publicNotes", r."accessNotes", ${job.expiresAt}::timestamp, r."preferredScooperId",
      CASE WHEN r."preferredScooperId" IS NULL THEN NULL ELSE ${job.exclusiveUntil}::timestamp END, now()`,
  };
}

/**
 * Ledger: one statement creates the batch's jobs OPEN from their subscriptions' rows (nothing sent but the ids,
 * as one JSON parameter), writes their "posted" entries (posted by the schedule: no actor; paid) and returns
 * their board fields (enums as text, as the board query reads them) with what their holds need.
 */
function openJobsSql(recurringIdsJson: string, serviceDate: LocalDate, now: Date): Prisma.Sql {
  const { columns, values } = jobColumnsSql(serviceDate, now);
  return Prisma.sql`
    WITH jobs AS (
      INSERT INTO "CleanupJob" (${columns})
      SELECT ${values("OPEN")}
      FROM "RecurringCleanup" r WHERE r.id IN (SELECT jsonb_array_elements_text(${recurringIdsJson}::jsonb))
      ON CONFLICT ("recurringId", "serviceDate") DO NOTHING
      RETURNING id, "recurringId", "posterId", lat, lng, address, "priceCents", type::text AS type, "pileEstimate"::text AS "pileEstimate",
        "litterLevel"::text AS "litterLevel", "yardSegments"::text[] AS "yardSegments", "createdAt", "expiresAt",
        "exclusiveScooperId", "exclusiveUntil", "platformFeePercent"
    ), posted AS (
      INSERT INTO "JobEvent" (id, "jobId", "actorId", type, "fromStatus", "toStatus", details)
      SELECT gen_random_uuid()::text, id, NULL, 'posted', NULL, 'OPEN', ${JSON.stringify({ paid: true })}::jsonb FROM jobs
    )
    SELECT * FROM jobs`;
}

/**
 * Stripe: one statement for a batch: the jobs AWAITING_PAYMENT straight from their subscriptions' rows and, for
 * each job created, its `settle authorize` outbox row (`generatedJobFunding`'s queue, payload and key).
 */
function insertJobsSql(recurringIdsJson: string, serviceDate: LocalDate, now: Date): Prisma.Sql {
  const { columns, values } = jobColumnsSql(serviceDate, now);
  const funding = generatedJobFunding("");
  return Prisma.sql`
    WITH jobs AS (
      INSERT INTO "CleanupJob" (${columns})
      SELECT ${values("AWAITING_PAYMENT")}
      FROM "RecurringCleanup" r WHERE r.id IN (SELECT jsonb_array_elements_text(${recurringIdsJson}::jsonb))
      ON CONFLICT ("recurringId", "serviceDate") DO NOTHING
      RETURNING id, "recurringId"
    ), outbox AS (
      INSERT INTO "OutboxMessage" (id, queue, kind, payload, "dedupeKey", "updatedAt")
      SELECT gen_random_uuid()::text, ${funding.queue}, 'settle', jsonb_build_object('kind', 'settle', 'jobId', jobs.id, 'step', 'authorize'),
        ${funding.key!} || jobs.id, now()
      FROM jobs
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING id, payload, payload->>'jobId' AS "jobId"
    )
    SELECT jobs.id, jobs."recurringId", outbox.id AS "outboxId", outbox.payload FROM jobs LEFT JOIN outbox ON outbox."jobId" = jobs.id`;
}

/** The subscriptions skipping `day`, each with who skipped it (the customer, or an admin for the weather). */
async function skippedOn(db: Db, day: Date): Promise<Map<string, SkipReason>> {
  const rows = await db.skippedVisit.findMany({ where: { serviceDate: day }, select: { recurringId: true, reason: true } });
  return new Map(rows.map((r) => [r.recurringId, r.reason]));
}

function countSkip(summary: GenerationSummary, reason: SkipReason) {
  if (reason === "WEATHER") summary.skippedByWeather++;
  else summary.skippedByCustomer++;
}
