import { z } from "zod";
import { auditQuerySchema, auditRowSchema, listAudit } from "@/server/audit/audit-log";
import { failedJobSchema, listFailedJobs, queueNameSchema, queueOverview, queueOverviewSchema, removeFailedJob, retryFailedJob } from "@/server/admin/queues";
import { deadOutboxRowSchema, listDeadOutbox, outboxSummary, outboxSummarySchema, retryDeadOutbox } from "@/server/admin/outbox";
import { adminProcedure, createTRPCRouter } from "../trpc";

const ok = z.object({ ok: z.literal(true) });
const jobRef = z.object({ queue: queueNameSchema, jobId: z.string().min(1).max(200) });

export const adminOpsRouter = createTRPCRouter({
  queues: adminProcedure.output(queueOverviewSchema).query(() => queueOverview()),
  failedJobs: adminProcedure
    .input(z.object({ queue: queueNameSchema }))
    .output(z.array(failedJobSchema))
    .query(({ input }) => listFailedJobs(input.queue)),
  retryJob: adminProcedure.input(jobRef).output(ok).mutation(async ({ ctx, input }) => {
    await retryFailedJob(ctx.db, ctx.session.user.id, input.queue, input.jobId);
    return { ok: true as const };
  }),
  removeJob: adminProcedure.input(jobRef).output(ok).mutation(async ({ ctx, input }) => {
    await removeFailedJob(ctx.db, ctx.session.user.id, input.queue, input.jobId);
    return { ok: true as const };
  }),
  outbox: adminProcedure.output(outboxSummarySchema).query(({ ctx }) => outboxSummary(ctx.db)),
  deadOutbox: adminProcedure.output(z.array(deadOutboxRowSchema)).query(({ ctx }) => listDeadOutbox(ctx.db)),
  retryOutbox: adminProcedure
    .input(z.object({ id: z.string().min(1).max(40) }))
    .output(z.object({ jobId: z.string() }))
    .mutation(({ ctx, input }) => retryDeadOutbox(ctx.db, ctx.session.user.id, input.id)),
  audit: adminProcedure
    .input(auditQuerySchema)
    .output(z.array(auditRowSchema))
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
});
