/**
 * Live job updates over WebSockets. Each subscription follows a channel of the event log (listen first,
 * back-fill from `lastEventId`, then live) and yields `tracked(id, event)` so a reconnecting client resumes.
 */
import { tracked, TRPCError } from "@trpc/server";
import { z } from "zod";
import { can } from "@/lib/permissions";
import { BOARD_CHANNEL, jobChannel, type BoardEvent, type JobChangeEvent } from "@/server/realtime/events";
import { boardChangeInputSchema, boardEventVisible } from "@/server/realtime/board-fanout";
import { followChannel } from "@/server/realtime/follow";
import { createTRPCRouter, protectedProcedure, publicProcedure } from "../trpc";

const lastEventId = z.string().max(40).nullish();

export const jobsLiveRouter = createTRPCRouter({
  /**
   * OPEN-job changes inside a viewport: new pins appear, claimed/cancelled/expired ones leave. Over the WebSocket
   * this is answered by the board fan-out (src/server/realtime/board-fanout.ts: the same input, rule and wire
   * messages, serialized once per event); this definition is the typed contract and serves any other transport.
   */
  onBoardChange: publicProcedure
    .input(boardChangeInputSchema)
    .subscription(async function* ({ ctx, input, signal }) {
      const viewer = ctx.session?.user.id ?? null;
      for await (const event of followChannel<BoardEvent>(BOARD_CHANNEL, input.lastEventId, signal!)) {
        if (boardEventVisible(event.data, input.bounds, viewer)) yield tracked(event.id, event.data);
      }
    }),

  /** One job's state changes, for its poster, its scooper and admins only. */
  onJobChange: protectedProcedure
    .input(z.object({ jobId: z.string().min(1).max(40), lastEventId }))
    .subscription(async function* ({ ctx, input, signal }) {
      const job = await ctx.db.cleanupJob.findUnique({ where: { id: input.jobId }, select: { posterId: true, scooperId: true } });
      const userId = ctx.session.user.id;
      const allowed = job && (job.posterId === userId || job.scooperId === userId || can(ctx.session.user.roles, "admin.access"));
      if (!allowed) throw new TRPCError({ code: "NOT_FOUND", message: "No such job." });
      for await (const event of followChannel<JobChangeEvent>(jobChannel(input.jobId), input.lastEventId, signal!)) {
        yield tracked(event.id, event.data);
      }
    }),
});
