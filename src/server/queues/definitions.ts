/**
 * The contract between the web app and the worker: queue names and the zod schema of every payload.
 * Both sides import this module; the web side validates before enqueueing, the worker before processing.
 *
 * To add a queue: add an entry here (payloads carry ids only, never personal data), register its processor
 * in worker/processors/index.ts, and add any schedule in worker/schedules.ts.
 */
import { z } from "zod";

export const QUEUES = {
  /** Housekeeping: the worker's heartbeat (and, later, sweeps). */
  system: {
    name: "system",
    payload: z.discriminatedUnion("kind", [z.object({ kind: z.literal("heartbeat") })]),
  },
  /** Outgoing email: the message row is written first; the payload is its id. */
  emails: {
    name: "emails",
    payload: z.discriminatedUnion("kind", [z.object({ kind: z.literal("send"), messageId: z.string().min(1) })]),
  },
  /** Browser push: the PushMessage row (one notification to one device) is written first; the payload is its id. */
  push: {
    name: "push",
    payload: z.discriminatedUnion("kind", [z.object({ kind: z.literal("send"), pushMessageId: z.string().min(1) })]),
  },
  /** Notification batches: the weekly earnings emails (Monday 08:00 APP_TIMEZONE). */
  notifications: {
    name: "notifications",
    payload: z.discriminatedUnion("kind", [z.object({ kind: z.literal("weekly-earnings") })]),
  },
} as const;

export type QueueName = keyof typeof QUEUES;
export type QueuePayload<Q extends QueueName> = z.infer<(typeof QUEUES)[Q]["payload"]>;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];
