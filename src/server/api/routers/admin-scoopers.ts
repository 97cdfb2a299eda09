/** The new-scooper approval queue (src/server/accounts/scooper-approval.ts): admins list and approve; a scooper reads their own state. */
import { z } from "zod";
import { approveScooper, awaitingScooperSchema, listScoopersAwaitingApproval, myScooperApproval } from "@/server/accounts/scooper-approval";
import { adminProcedure, createTRPCRouter, scooperProcedure } from "../trpc";

export const adminScoopersRouter = createTRPCRouter({
  awaiting: adminProcedure.output(z.array(awaitingScooperSchema)).query(({ ctx }) => listScoopersAwaitingApproval(ctx.db)),
  approve: adminProcedure
    .input(z.object({ userId: z.string().min(1).max(40), note: z.string().trim().max(500).nullish() }))
    .output(z.object({ approvedAt: z.date() }))
    .mutation(({ ctx, input }) => approveScooper(ctx.db, ctx.session.user, input.userId, input.note || null)),
  mine: scooperProcedure
    .output(z.object({ required: z.boolean(), approved: z.boolean() }))
    .query(({ ctx }) => myScooperApproval(ctx.db, ctx.session.user.id)),
});
