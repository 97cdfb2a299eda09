/**
 * Job messages between the poster and the scooper holding the claim (src/server/jobs/messages.ts decides who may
 * read and write; admins read only a disputed job's). Live updates ride the job's own channel (`jobs.onJobChange`,
 * change "message").
 */
import { z } from "zod";
import { canWriteMessagesOnJob, jobMessageSchema, listJobMessages, sendJobMessage, sendMessageInputSchema } from "@/server/jobs/messages";
import { createTRPCRouter, protectedProcedure } from "../trpc";

export const jobMessagesRouter = createTRPCRouter({
  list: protectedProcedure
    .input(z.object({ jobId: z.string().min(1).max(40) }))
    .output(z.object({ canWrite: z.boolean(), messages: z.array(jobMessageSchema) }))
    .query(async ({ ctx, input }) => ({
      messages: await listJobMessages(ctx.db, ctx.session.user, input.jobId),
      canWrite: await canWriteMessagesOnJob(ctx.db, ctx.session.user, input.jobId),
    })),

  send: protectedProcedure
    .input(sendMessageInputSchema)
    .output(jobMessageSchema)
    .mutation(({ ctx, input }) => sendJobMessage(ctx.db, ctx.session.user, input)),
});
