/**
 * The contract between the web app and the worker: queue names and the zod schema of every payload.
 * Both sides import this module; the web side validates before enqueueing, the worker before processing.
 *
 * To add a queue: add an entry here (payloads carry ids only, never personal data), register its processor
 * in worker/processors/index.ts, and add any schedule in worker/schedules.ts. Payload schemas are plain
 * `z.object`s (not strict): `enqueue` adds a `_meta` field next to the payload, which parsing strips.
 */
import { z } from "zod";

/**
 * A job's money steps after its transition commits (src/server/jobs/funding.ts). The payload carries
 * only the job id and the step: what a dispute resolution or a tip moves is read from the committed Dispute /
 * Review row, so a retry moves exactly what was decided.
 */
export const SETTLEMENT_STEPS = ["authorize", "capture", "void", "cancellation-fee", "dispute-resolution", "tip"] as const;

/** Job changes that notify someone (src/server/notifications/job-change.ts). */
export const NOTIFIED_JOB_CHANGES = ["claimed", "released", "reopened", "completed", "confirmed", "expired", "cancelled", "disputed", "resolved", "reserved", "on-my-way",
  "unreachable", "unreachable-retry", "reviewed", "tipped"] as const;

export const QUEUES = {
  /** Housekeeping: the worker's heartbeat, and an account block's effects on the marketplace (account-block.ts). */
  system: {
    name: "system",
    payload: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("heartbeat") }),
      z.object({ kind: z.literal("account-block"), userId: z.string().min(1), adminId: z.string().min(1) }),
    ]),
  },
  /** Outgoing email: the message row is written first; the payload is its id. */
  emails: {
    name: "emails",
    payload: z.discriminatedUnion("kind", [z.object({ kind: z.literal("send"), messageId: z.string().min(1) })]),
  },
  /** Recurring cleanups: the daily generation (a job scheduler at RECURRING_GENERATION_TIME local). */
  recurring: {
    name: "recurring",
    payload: z.discriminatedUnion("kind", [z.object({ kind: z.literal("generate-due") }), z.object({ kind: z.literal("send-reminders") })]),
  },
  /**
   * Cleanup-job deadlines as delayed jobs with deterministic ids (`<kind>-<jobId>`, see src/server/jobs/timers.ts),
   * and the periodic sweep that applies any deadline whose timer was lost. Each firing re-checks the job's state.
   */
  timers: {
    name: "timers",
    payload: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("expire"), jobId: z.string().min(1) }),
      /**
       * The expiry of a batch of generated recurring jobs, all due at `at` (epoch ms): one timer instead of one per
       * job (src/server/recurring/batch-expiry.ts).
       */
      z.object({ kind: z.literal("expire-batch"), jobIds: z.array(z.string().min(1)).min(1).max(1000), at: z.number().int() }),
      z.object({ kind: z.literal("start-deadline"), jobId: z.string().min(1) }),
      z.object({ kind: z.literal("auto-confirm"), jobId: z.string().min(1) }),
      z.object({ kind: z.literal("open-to-all"), jobId: z.string().min(1) }),
      /** An UNREACHABLE job whose poster did not answer in time (src/server/jobs/unreachable.ts). */
      z.object({ kind: z.literal("answer-deadline"), jobId: z.string().min(1) }),
      z.object({ kind: z.literal("sweep") }),
    ]),
  },
  /** Resized display copy and thumbnail of an uploaded photo (the original is stored by the upload). */
  photos: {
    name: "photos",
    payload: z.discriminatedUnion("kind", [z.object({ kind: z.literal("process-photo"), photoId: z.string().min(1) })]),
  },
  /** Browser push: the PushMessage row (one notification to one device) is written first; the payload is its id. */
  push: {
    name: "push",
    payload: z.discriminatedUnion("kind", [z.object({ kind: z.literal("send"), pushMessageId: z.string().min(1) })]),
  },
  /** Notification batches: the weekly earnings emails (Monday 08:00 APP_TIMEZONE). */
  notifications: {
    name: "notifications",
    payload: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("weekly-earnings") }),
      /** A job transition's notifications, sent after its commit (src/server/notifications/job-change.ts). */
      z.object({
        kind: z.literal("job-change"),
        jobId: z.string().min(1),
        change: z.enum(NOTIFIED_JOB_CHANGES),
      }),
      /** A job message's notification to the other party (src/server/jobs/messages.ts). */
      z.object({ kind: z.literal("job-message"), messageId: z.string().min(1) }),
      /** A customer's notice that an admin's weather skip affects their recurring cleanup (src/server/recurring/weather-skip.ts). */
      z.object({ kind: z.literal("weather-skip"), weatherSkipId: z.string().min(1), recurringId: z.string().min(1) }),
    ]),
  },
  /** Payments: each stored Stripe webhook event (the payload is the StripeEvent row id), processed once. */
  payments: {
    name: "payments",
    payload: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("stripe-event"), eventId: z.string().min(1) }),
      /** A job transition's money step, after its commit (src/server/jobs/funding.ts). */
      z.object({ kind: z.literal("settle"), jobId: z.string().min(1), step: z.enum(SETTLEMENT_STEPS) }),
      /** Brings a recurring cleanup's billing in line with its state after an edit, pause, resume or cancel. */
      z.object({ kind: z.literal("billing-sync"), recurringId: z.string().min(1) }),
      /** A scooper finished payout onboarding: transfer what they were owed (Stripe). */
      z.object({ kind: z.literal("pay-owed"), scooperId: z.string().min(1) }),
      /**
       * An invoice paid after its subscription stopped billing is refunded (Stripe; payments/billing/late-invoice.ts).
       * Owed in the same transaction that applies the invoice's event, so a worker dying first loses nothing.
       */
      z.object({
        kind: z.literal("refund-invoice"), recurringId: z.string().min(1), invoiceId: z.string().min(1),
        paymentIntentRef: z.string().min(1), amountCents: z.number().int().positive(),
      }),
      /** A card hold about to lapse is renewed (Stripe; payments/steps/renew-hold.ts). */
      z.object({ kind: z.literal("renew-hold"), jobId: z.string().min(1) }),
      /** The hold a renewal replaced is released (Stripe), owed in the renewal's own booking transaction. */
      z.object({ kind: z.literal("release-hold"), jobId: z.string().min(1), ref: z.string().min(1), key: z.string().min(1) }),
    ]),
  },
} as const;

export type QueueName = keyof typeof QUEUES;
export type QueuePayload<Q extends QueueName> = z.infer<(typeof QUEUES)[Q]["payload"]>;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

/**
 * Tracing metadata stored next to a payload under `_meta`: the request (and user) that enqueued the job, so
 * the worker's logs and error reports for it carry the same ids as the web request. Ids only.
 */
export const JOB_META_KEY = "_meta";
export const jobMetaSchema = z.object({ requestId: z.string().max(128).optional(), userId: z.string().max(128).optional() });
export type JobMeta = z.infer<typeof jobMetaSchema>;

export function readJobMeta(data: unknown): JobMeta {
  const raw = typeof data === "object" && data !== null ? (data as Record<string, unknown>)[JOB_META_KEY] : undefined;
  const parsed = jobMetaSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}
