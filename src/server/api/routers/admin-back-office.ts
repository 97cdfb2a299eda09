/** The admin back office: jobs, subscriptions and sent emails. Admin only; each mutation writes one audit row. */
import { z } from "zod";
import { reasonSchema } from "@/server/accounts/admin-users";
import { adminEmailQuerySchema, adminEmailRowSchema, listAdminEmails, retryFailedEmail } from "@/server/admin/emails";
import { adminJobParties, adminJobQuerySchema, adminJobRowSchema, adminJobSchema, listAdminJobs } from "@/server/admin/jobs";
import {
  adminPauseInputSchema, adminPauseSubscription, adminResumeSubscription, adminSubscriptionQuerySchema, adminSubscriptionRowSchema,
  adminSubscriptionSchema, getAdminSubscription, listAdminSubscriptions,
} from "@/server/admin/subscriptions";
import { cancelJob } from "@/server/jobs/cancel-job";
import { getJob, visitIdSchema } from "@/server/jobs/get-job";
import { adminProcedure, createTRPCRouter } from "../trpc";

const ok = z.object({ ok: z.literal(true) });
const done = { ok: true as const };
const id = z.string().min(1).max(200);

export const adminJobsRouter = createTRPCRouter({
  list: adminProcedure.input(adminJobQuerySchema).output(z.array(adminJobRowSchema)).query(({ ctx, input }) => listAdminJobs(ctx.db, input)),
  byId: adminProcedure
    .input(z.object({ jobId: id, visitId: visitIdSchema.optional() }))
    .output(adminJobSchema)
    .query(async ({ ctx, input }) => ({ job: await getJob(ctx.db, ctx.session.user, input.jobId, input.visitId), ...(await adminJobParties(ctx.db, input.jobId)) })),
  /**
   * `cancelJob` allows admins in any non-terminal state and writes the audit row with the transition. An
   * UNREACHABLE job needs `scooperFeeOwed`: whether the scooper's trip earns the cancellation fee.
   */
  cancel: adminProcedure
    .input(z.object({ jobId: id, reason: reasonSchema, scooperFeeOwed: z.boolean().nullish() }))
    .output(ok)
    .mutation(async ({ ctx, input }) => (await cancelJob(ctx.db, ctx.session.user, input.jobId, input.reason, { scooperFeeOwed: input.scooperFeeOwed }), done)),
});

export const adminSubscriptionsRouter = createTRPCRouter({
  list: adminProcedure
    .input(adminSubscriptionQuerySchema)
    .output(z.array(adminSubscriptionRowSchema))
    .query(({ ctx, input }) => listAdminSubscriptions(ctx.db, input)),
  byId: adminProcedure.input(z.object({ id })).output(adminSubscriptionSchema).query(({ ctx, input }) => getAdminSubscription(ctx.db, input.id)),
  pause: adminProcedure
    .input(adminPauseInputSchema.extend({ reason: reasonSchema }))
    .output(ok)
    .mutation(async ({ ctx, input }) => (await adminPauseSubscription(ctx.db, ctx.session.user.id, input.id, input.until, input.reason), done)),
  resume: adminProcedure
    .input(z.object({ id, reason: reasonSchema }))
    .output(ok)
    .mutation(async ({ ctx, input }) => (await adminResumeSubscription(ctx.db, ctx.session.user.id, input.id, input.reason), done)),
});

export const adminEmailsRouter = createTRPCRouter({
  list: adminProcedure.input(adminEmailQuerySchema).output(z.array(adminEmailRowSchema)).query(({ ctx, input }) => listAdminEmails(ctx.db, input)),
  retry: adminProcedure
    .input(z.object({ id, reason: z.string().trim().max(500).nullish() }))
    .output(z.object({ jobId: z.string() }))
    .mutation(({ ctx, input }) => retryFailedEmail(ctx.db, ctx.session.user.id, input.id, input.reason ?? null)),
});
