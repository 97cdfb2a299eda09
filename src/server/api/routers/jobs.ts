/** Cleanup jobs: the board, the job page and every state change. Each procedure is one service call. */
import { z } from "zod";
import { latSchema, lngSchema } from "@/lib/geo";
import { cancelJob } from "@/server/jobs/cancel-job";
import { claimJob } from "@/server/jobs/claim-job";
import { completeJob } from "@/server/jobs/complete-job";
import { confirmJob } from "@/server/jobs/confirm-job";
import { boardJobSchema, boardResultSchema, boardViewSchema, jobDetailSchema, jobEventSchema, myJobRowSchema } from "@/server/jobs/dto";
import { getJob, visitIdSchema } from "@/server/jobs/get-job";
import { getJobTimeline } from "@/server/jobs/job-timeline";
import { listMyJobs, myJobsQuerySchema } from "@/server/jobs/list-my-jobs";
import { boardQuerySchema, listNearestOpenJobs, listOpenJobsInViewport } from "@/server/jobs/list-open-jobs";
import { boardView, boardViewQuerySchema } from "@/server/jobs/board-view";
import { confirmJobPayment, jobPaymentForm } from "@/server/jobs/job-payment";
import { postJobInputSchema } from "@/lib/schemas/jobs";
import { postJob, postJobResultSchema } from "@/server/jobs/post-job";
import { paymentFormSchema } from "@/server/payments/payment-form";
import { repostJob } from "@/server/jobs/repost-job";
import { releaseJob } from "@/server/jobs/release-job";
import { markOnMyWay } from "@/server/jobs/on-my-way";
import { answerUnreachable, reportUnreachable, unreachableReportSchema } from "@/server/jobs/unreachable";
import { deviceLocationSchema, startJob } from "@/server/jobs/start-job";
import { env } from "@/env";
import { createTRPCRouter, customerProcedure, protectedProcedure, publicProcedure, rateLimited, scooperProcedure } from "../trpc";

const jobIdInput = z.object({ jobId: z.string().min(1) });
const postingProcedure = customerProcedure.use(rateLimited("post-job", () => env.RATE_LIMIT_POST_JOB, "jobsPosted"));
const claimingProcedure = scooperProcedure.use(rateLimited("claim", () => env.RATE_LIMIT_CLAIM, "claims"));

export const jobsRouter = createTRPCRouter({
  /** The board: anyone may browse OPEN jobs (no private fields); claiming needs the scooper role. */
  openInViewport: publicProcedure
    .input(boardQuerySchema)
    .output(boardResultSchema)
    .query(({ ctx, input }) => listOpenJobsInViewport(ctx.db, input, ctx.session?.user.id ?? null)),

  /** The board map: pins when few jobs match the viewport, else clusters covering every matching job. */
  board: publicProcedure
    .input(boardViewQuerySchema)
    .output(boardViewSchema)
    .query(({ ctx, input }) => boardView(ctx.db, input, ctx.session?.user.id ?? null)),

  nearestOpen: publicProcedure
    .input(z.object({ lat: latSchema, lng: lngSchema, excludeJobId: z.string().optional(), limit: z.number().int().min(1).max(10).optional() }))
    .output(z.array(boardJobSchema.extend({ distanceM: z.number().int() })))
    .query(({ ctx, input }) => listNearestOpenJobs(ctx.db, input, { ...input, viewerId: ctx.session?.user.id ?? null })),

  byId: publicProcedure
    .input(jobIdInput.extend({ visitId: visitIdSchema.optional() }))
    .output(jobDetailSchema)
    .query(({ ctx, input }) => getJob(ctx.db, ctx.session?.user ?? null, input.jobId, input.visitId)),

  timeline: protectedProcedure
    .input(jobIdInput)
    .output(z.array(jobEventSchema))
    .query(({ ctx, input }) => getJobTimeline(ctx.db, ctx.session.user, input.jobId)),

  mine: protectedProcedure
    .input(myJobsQuerySchema)
    .output(z.array(myJobRowSchema))
    .query(({ ctx, input }) => listMyJobs(ctx.db, ctx.session.user.id, input)),

  post: postingProcedure
    .input(postJobInputSchema)
    .output(postJobResultSchema)
    .mutation(({ ctx, input }) => postJob(ctx.db, ctx.session.user, input)),

  /** The card form of a job waiting for its payment (Stripe), or null when nothing is left to pay. */
  paymentForm: customerProcedure
    .input(jobIdInput)
    .output(paymentFormSchema.nullable())
    .query(({ ctx, input }) => jobPaymentForm(ctx.db, ctx.session.user, input.jobId)),

  /** After the browser confirmed the card: checks the authorization and opens the job. */
  confirmPayment: customerProcedure
    .input(jobIdInput)
    .output(z.object({ status: z.string() }))
    .mutation(({ ctx, input }) => confirmJobPayment(ctx.db, ctx.session.user, input.jobId)),

  /** The one-tap re-post of an expired or cancelled job (linked from the "job expired" email). */
  repost: postingProcedure
    .input(jobIdInput)
    .output(postJobResultSchema)
    .mutation(({ ctx, input }) => repostJob(ctx.db, ctx.session.user, input.jobId)),

  claim: claimingProcedure
    .input(jobIdInput)
    .output(z.object({ id: z.string(), startDeadlineAt: z.date() }))
    .mutation(({ ctx, input }) => claimJob(ctx.db, ctx.session.user, input.jobId)),

  release: scooperProcedure.input(jobIdInput).mutation(({ ctx, input }) => releaseJob(ctx.db, ctx.session.user, input.jobId)),

  /** The claiming scooper tells the poster they are coming (optionally sharing their position once, for an estimate). */
  onMyWay: scooperProcedure
    .input(jobIdInput.extend({ location: deviceLocationSchema.nullish() }))
    .output(z.object({ onMyWayAt: z.date(), etaAt: z.date().nullable(), etaMinutes: z.number().int().nullable(), distanceM: z.number().int().nullable() }))
    .mutation(({ ctx, input }) => markOnMyWay(ctx.db, ctx.session.user, input.jobId, input.location)),

  /** "Can't get in": the claiming scooper reports the yard inaccessible (photos uploaded first, kind UNREACHABLE). */
  reportUnreachable: scooperProcedure
    .input(jobIdInput.extend(unreachableReportSchema.shape))
    .output(z.object({ answerDeadlineAt: z.date() }))
    .mutation(({ ctx, input }) => reportUnreachable(ctx.db, ctx.session.user, input.jobId, { reason: input.reason, note: input.note })),

  /** The poster's answer to "can't get in": try again, or cancel (the scooper is paid the cancellation fee). */
  answerUnreachable: customerProcedure
    .input(jobIdInput.extend({ answer: z.enum(["retry", "cancel"]) }))
    .output(z.object({ feeOwedCents: z.number().int() }))
    .mutation(({ ctx, input }) => answerUnreachable(ctx.db, ctx.session.user, input.jobId, input.answer)),

  start: scooperProcedure
    .input(jobIdInput.extend({ location: deviceLocationSchema.nullish() }))
    .output(z.object({ distanceM: z.number().int().nullable(), flagged: z.boolean() }))
    .mutation(({ ctx, input }) => startJob(ctx.db, ctx.session.user, input.jobId, input.location)),

  complete: scooperProcedure
    // `tappedAt`: when the scooper tapped "Complete" on the device (an offline completion arrives later).
    .input(jobIdInput.extend({ pickupCount: z.number().int().min(0).max(10_000).nullish(), tappedAt: z.date().nullish() }))
    .output(z.object({ autoConfirmAt: z.date() }))
    .mutation(({ ctx, input }) => completeJob(ctx.db, ctx.session.user, input.jobId, { pickupCount: input.pickupCount, tappedAt: input.tappedAt })),

  confirm: customerProcedure.input(jobIdInput).mutation(({ ctx, input }) => confirmJob(ctx.db, ctx.session.user, input.jobId)),

  /** Poster (OPEN free, CLAIMED with a fee owed) or admin (any non-terminal state, reason required). */
  cancel: protectedProcedure
    .input(jobIdInput.extend({ reason: z.string().trim().max(500).nullish(), scooperFeeOwed: z.boolean().nullish() }))
    .output(z.object({ feeOwedCents: z.number().int() }))
    .mutation(({ ctx, input }) => cancelJob(ctx.db, ctx.session.user, input.jobId, input.reason, { scooperFeeOwed: input.scooperFeeOwed })),
});
