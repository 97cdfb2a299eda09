/**
 * What the browser may see of a job. The board carries no poster identity and no private notes; the job page
 * adds state, times and (only for those allowed) the access notes. Services map rows to these shapes.
 */
import { z } from "zod";
import { disputeSchema } from "@/server/disputes/dto";
import { reviewSchema, scooperRatingSchema } from "@/server/reviews/dto";
import { boardJobSchema } from "@/lib/schemas/board";
import { JobStatus, PhotoKind, PhotoStatus, UnreachableReason } from "@/generated/prisma/enums";

// The board's shape is shared with the real-time events and the browser (src/lib/schemas/board.ts).
export { boardJobSchema, type BoardJob } from "@/lib/schemas/board";

export const boardResultSchema = z.object({
  jobs: z.array(boardJobSchema),
  /** More jobs matched than were returned: zoom in or filter to see the rest. */
  truncated: z.boolean(),
});
export type BoardResult = z.infer<typeof boardResultSchema>;

/** A group of matching jobs on the zoomed-out map: how many, their centre, their prices, and where to zoom. */
export const boardClusterSchema = z.object({
  lat: z.number(),
  lng: z.number(),
  count: z.number().int(),
  minPriceCents: z.number().int(),
  maxPriceCents: z.number().int(),
  bounds: z.object({ south: z.number(), west: z.number(), north: z.number(), east: z.number() }),
});

/** The board map's answer for a viewport: pins when few jobs match, else clusters covering every match. */
export const boardViewSchema = z.discriminatedUnion("kind", [
  boardResultSchema.extend({ kind: z.literal("pins") }),
  z.object({ kind: z.literal("clusters"), clusters: z.array(boardClusterSchema), total: z.number().int(), indexBuiltAt: z.date() }),
]);
export type BoardView = z.infer<typeof boardViewSchema>;

export const JOB_ACTIONS = ["pay", "claim", "release", "start", "complete", "confirm", "cancel", "uploadAfterPhoto", "uploadBeforePhoto",
  "openDispute", "respondToDispute", "review", "tip", "repost", "onMyWay",
  "reportUnreachable", "answerUnreachable", "adminCancelUnreachable"] as const;
export type JobAction = (typeof JOB_ACTIONS)[number];

export const photoSchema = z.object({
  id: z.string(),
  kind: z.enum(PhotoKind),
  status: z.enum(PhotoStatus),
  url: z.string(),
  thumbUrl: z.string(),
  createdAt: z.date(),
});

export const myJobSchema = boardJobSchema.extend({
  status: z.enum(JobStatus),
  claimedAt: z.date().nullable(),
  startedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  confirmedAt: z.date().nullable(),
  updatedAt: z.date(),
});
export type MyJob = z.infer<typeof myJobSchema>;

/** A row of /my-jobs: a job of mine and what the list offers on it. */
export const myJobRowSchema = myJobSchema.extend({
  /** The poster may post this ended job again (re-post). */
  canRepost: z.boolean(),
});
export type MyJobRow = z.infer<typeof myJobRowSchema>;

export const jobDetailSchema = myJobSchema.extend({
  publicNotes: z.string().nullable(),
  /** Null unless the viewer may read it (poster, scooper with an active claim, admin). */
  accessNotes: z.string().nullable(),
  hasAccessNotes: z.boolean(),
  startDeadlineAt: z.date().nullable(),
  /** The scooper said "on my way" (parties only), and the estimated arrival when they shared their position. */
  onMyWayAt: z.date().nullable(),
  onMyWayEtaAt: z.date().nullable(),
  /** The latest "can't get in" report (parties only) and, while UNREACHABLE, the poster's deadline to answer. */
  unreachable: z.object({ at: z.date(), reason: z.enum(UnreachableReason), note: z.string().nullable() }).nullable(),
  answerDeadlineAt: z.date().nullable(),
  autoConfirmAt: z.date().nullable(),
  cancelledAt: z.date().nullable(),
  cancelReason: z.string().nullable(),
  expiredAt: z.date().nullable(),
  startDistanceM: z.number().int().nullable(),
  startFlagged: z.boolean(),
  pickupCount: z.number().int().nullable(),
  photos: z.array(photoSchema),
  /** The rates this job was posted with, and what the poster owes the scooper for cancelling it once claimed. */
  platformFeePercent: z.number().int(),
  cancellationFeePercent: z.number().int(),
  cancellationFeeCents: z.number().int(),
  viewer: z.object({ isPoster: z.boolean(), isScooper: z.boolean(), isAdmin: z.boolean() }),
  actions: z.array(z.enum(JOB_ACTIONS)),
  /** The parties' (and admins') view of the job's dispute, if one was opened. */
  dispute: disputeSchema.nullable(),
  review: reviewSchema.nullable(),
  /** The claiming scooper's average rating, for the poster and admins. */
  scooperRating: scooperRatingSchema.nullable(),
});
export type JobDetail = z.infer<typeof jobDetailSchema>;

export const jobEventSchema = z.object({
  id: z.string(),
  type: z.string(),
  /** Who acted, as a role on this job, never an identity: poster, scooper, admin or system. */
  actor: z.enum(["poster", "scooper", "admin", "system"]),
  fromStatus: z.enum(JobStatus).nullable(),
  toStatus: z.enum(JobStatus).nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.date(),
});
export type JobEventDto = z.infer<typeof jobEventSchema>;
