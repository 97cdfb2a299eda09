/**
 * What travels on each real-time channel. Board events carry only board fields (no poster, no private notes);
 * job events go only to those who may see the job (checked when subscribing).
 * Publish after the transaction commits, from whichever process made the change (web or worker).
 */
import { z } from "zod";
import { JobStatus } from "@/generated/prisma/enums";
import { boardJobSchema } from "@/lib/schemas/board";
import { appendEvent, appendEvents, appendToChannels } from "./event-log";

export const BOARD_CHANNEL = "board";
export const jobChannel = (jobId: string) => `job:${jobId}`;
export const userChannel = (userId: string) => `user:${userId}`;

export const boardEventSchema = z.discriminatedUnion("type", [
  /** A job appeared on the board: posted, reopened, or (preferred-scooper jobs) opened to everyone. */
  z.object({
    type: z.literal("job.opened"),
    job: boardJobSchema,
    /** Set while only one scooper may see the job (preferred scooper window). */
    onlyFor: z.string().nullable().default(null),
  }),
  /**
   * Many jobs appeared at once (a batch of the day's generated recurring jobs, opened together): one event for the
   * batch instead of one per job. Carries every job's board view and the box around them, so a map outside the
   * box ignores it and one inside refetches once. Never carries reserved jobs (those go out as `job.opened` with
   * `onlyFor`, filtered per viewer).
   */
  z.object({
    type: z.literal("jobs.batch-opened"),
    jobs: z.array(boardJobSchema).min(1),
    bounds: z.object({ south: z.number(), west: z.number(), north: z.number(), east: z.number() }),
  }),
  /** A job left the board. */
  z.object({ type: z.literal("job.closed"), jobId: z.string(), reason: z.enum(["claimed", "cancelled", "expired", "other"]) }),
]);
export type BoardEvent = z.input<typeof boardEventSchema>;

export const jobChangeEventSchema = z.object({
  type: z.literal("job.changed"),
  jobId: z.string(),
  status: z.enum(JobStatus),
  /** The timeline entry's type, e.g. "claimed", "started". */
  change: z.string(),
  at: z.date(),
});
export type JobChangeEvent = z.infer<typeof jobChangeEventSchema>;

export function publishBoardEvent(event: BoardEvent): Promise<string> {
  return appendEvent(BOARD_CHANNEL, boardEventSchema.parse(event));
}

export function publishBoardEvents(events: BoardEvent[]): Promise<string[]> {
  return appendEvents(BOARD_CHANNEL, events.map((e) => boardEventSchema.parse(e)));
}

/** A job's change and the board event it causes, in one round trip (each still validated). */
export function publishJobChangeAndBoard(change: Omit<JobChangeEvent, "type" | "at">, board: BoardEvent | null): Promise<string[]> {
  return appendToChannels([
    { channel: jobChannel(change.jobId), data: jobChangeEventSchema.parse({ type: "job.changed", at: new Date(), ...change }) },
    ...(board ? [{ channel: BOARD_CHANNEL, data: boardEventSchema.parse(board) }] : []),
  ]);
}

/** Many jobs' changes and the board events they cause (a batch of generated jobs opening), in one round trip. */
export function publishJobChangesAndBoard(changes: Omit<JobChangeEvent, "type" | "at">[], board: BoardEvent[]): Promise<string[]> {
  const at = new Date();
  return appendToChannels([
    ...changes.map((change) => ({ channel: jobChannel(change.jobId), data: jobChangeEventSchema.parse({ type: "job.changed", at, ...change }) })),
    ...board.map((event) => ({ channel: BOARD_CHANNEL, data: boardEventSchema.parse(event) })),
  ]);
}

export function publishJobChange(event: Omit<JobChangeEvent, "type" | "at"> & { at?: Date }): Promise<string> {
  return appendEvent(jobChannel(event.jobId), jobChangeEventSchema.parse({ type: "job.changed", at: new Date(), ...event }));
}

/** Ends a user's live connections on every web instance (ban, suspension, password change, role removal). */
export const SESSIONS_CHANNEL = "sessions";
export function publishSessionsRevoked(userId: string): Promise<string> {
  return appendEvent(SESSIONS_CHANNEL, { type: "revoked", userId });
}

/** Ends the live connections of one signed-out session (the user's other sessions stay). */
export function publishSessionEnded(userId: string, sessionId: string): Promise<string> {
  return appendEvent(SESSIONS_CHANNEL, { type: "revoked", userId, sessionId });
}

export function publishUserEvent(userId: string, event: { type: string } & Record<string, unknown>): Promise<string> {
  return appendEvent(userChannel(userId), event);
}
