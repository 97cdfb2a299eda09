/** A customer's saved yards (src/server/yards/saved-yards.ts): only their owner lists, saves, edits or deletes them. */
import { z } from "zod";
import { savedYardInputSchema } from "@/lib/schemas/yards";
import {
  createSavedYard, deleteSavedYard, listSavedYards, savedYardSchema, updateSavedYard,
} from "@/server/yards/saved-yards";
import { createTRPCRouter, customerProcedure } from "../trpc";

const yardId = z.string().min(1).max(40);

export const yardsRouter = createTRPCRouter({
  list: customerProcedure.output(z.array(savedYardSchema)).query(({ ctx }) => listSavedYards(ctx.db, ctx.session.user.id)),
  create: customerProcedure.input(savedYardInputSchema).output(savedYardSchema).mutation(({ ctx, input }) => createSavedYard(ctx.db, ctx.session.user.id, input)),
  update: customerProcedure
    .input(z.object({ id: yardId, data: savedYardInputSchema }))
    .output(savedYardSchema)
    .mutation(({ ctx, input }) => updateSavedYard(ctx.db, ctx.session.user.id, input.id, input.data)),
  delete: customerProcedure.input(z.object({ id: yardId })).mutation(async ({ ctx, input }) => {
    await deleteSavedYard(ctx.db, ctx.session.user.id, input.id);
    return { ok: true };
  }),
});
