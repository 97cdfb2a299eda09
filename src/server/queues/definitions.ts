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
  /**
   * Cleanup-job deadlines as delayed jobs with deterministic ids (`<kind>-<jobId>`, see src/server/jobs/timers.ts),
   * and the periodic sweep that applies any deadline whose timer was lost. Each firing re-checks the job's state.
   */
  timers: {
    name: "timers",
    payload: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("expire"), jobId: z.string().min(1) }),
      z.object({ kind: z.literal("start-deadline"), jobId: z.string().min(1) }),
      z.object({ kind: z.literal("auto-confirm"), jobId: z.string().min(1) }),
      z.object({ kind: z.literal("sweep") }),
    ]),
  },
  /** Resized display copy and thumbnail of an uploaded photo (the original is stored by the upload). */
  photos: {
    name: "photos",
    payload: z.discriminatedUnion("kind", [z.object({ kind: z.literal("process-photo"), photoId: z.string().min(1) })]),
  },
} as const;

export type QueueName = keyof typeof QUEUES;
export type QueuePayload<Q extends QueueName> = z.infer<(typeof QUEUES)[Q]["payload"]>;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];
