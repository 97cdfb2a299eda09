import { z } from "zod";
import { nextServiceDates } from "@/lib/schedules";
import {
  cancelRecurring, createRecurring, firstOpenServiceDate, getRecurring, listRecurring, pauseRecurring, preferredScooperChoices, recurringPaymentForm,
  resumeRecurring, updateRecurring,
} from "@/server/recurring/manage";
import { paymentFormSchema } from "@/server/payments/payment-form";
import { skipVisit, undoSkipVisit, upcomingVisits } from "@/server/recurring/skip-visit";
import { createRecurringSchema, frequencySchema, localDateSchema, updateRecurringSchema } from "@/lib/schemas/recurring";
import { recurringDtoSchema } from "@/server/recurring/schemas";
import { createTRPCRouter, permissionProcedure, publicProcedure } from "../trpc";

const manage = permissionProcedure("recurring.manage");
const byId = z.object({ id: z.string().min(1).max(40) });
const visitsSchema = z.array(z.object({ date: z.string(), skipped: z.boolean() }));

export const recurringRouter = createTRPCRouter({
  /** The next five service dates for a schedule, shown before saving. */
  preview: publicProcedure
    .input(z.object({ frequency: frequencySchema, firstServiceDate: localDateSchema }))
    .output(z.object({ earliestFirstDate: z.string(), dates: z.array(z.string()) }))
    .query(({ input }) => {
      const earliest = firstOpenServiceDate();
      return { earliestFirstDate: earliest, dates: nextServiceDates(input, earliest, 5) };
    }),
  list: manage.output(z.array(recurringDtoSchema)).query(({ ctx }) => listRecurring(ctx.db, ctx.session.user.id)),
  /** Who the recurring form offers as preferred scooper: scoopers who have done a job for this customer. */
  preferredScooperChoices: manage
    .output(z.array(z.object({ id: z.string(), name: z.string(), jobsDone: z.number().int() })))
    .query(({ ctx }) => preferredScooperChoices(ctx.db, ctx.session.user.id)),
  byId: manage.input(byId).output(recurringDtoSchema).query(({ ctx, input }) => getRecurring(ctx.db, ctx.session.user.id, input.id)),
  create: manage
    .input(createRecurringSchema)
    .output(recurringDtoSchema.extend({ payment: paymentFormSchema.nullable() }))
    .mutation(({ ctx, input }) => createRecurring(ctx.db, ctx.session.user.id, input)),
  update: manage
    .input(z.object({ id: z.string().min(1).max(40), data: updateRecurringSchema }))
    .output(recurringDtoSchema)
    .mutation(({ ctx, input }) => updateRecurring(ctx.db, ctx.session.user.id, input.id, input.data)),
  pause: manage
    .input(byId.extend({ until: localDateSchema.nullable().default(null) }))
    .output(recurringDtoSchema)
    .mutation(({ ctx, input }) => pauseRecurring(ctx.db, ctx.session.user.id, input.id, input.until)),
  resume: manage.input(byId).output(recurringDtoSchema).mutation(({ ctx, input }) => resumeRecurring(ctx.db, ctx.session.user.id, input.id)),
  /** Stripe: the card form of the subscription's unpaid invoice, or null when nothing is owed. */
  paymentForm: manage
    .input(byId)
    .output(paymentFormSchema.nullable())
    .query(({ ctx, input }) => recurringPaymentForm(ctx.db, ctx.session.user.id, input.id)),
  /** The next service dates, each with whether the customer skipped it. */
  upcomingVisits: manage.input(byId).output(visitsSchema).query(({ ctx, input }) => upcomingVisits(ctx.db, ctx.session.user.id, input.id)),
  /** Skips one upcoming service date (nothing generated, nothing billed); undo until its generation ran. */
  skipVisit: manage
    .input(byId.extend({ date: localDateSchema }))
    .output(visitsSchema)
    .mutation(({ ctx, input }) => skipVisit(ctx.db, ctx.session.user.id, input.id, input.date)),
  undoSkipVisit: manage
    .input(byId.extend({ date: localDateSchema }))
    .output(visitsSchema)
    .mutation(({ ctx, input }) => undoSkipVisit(ctx.db, ctx.session.user.id, input.id, input.date)),
  cancel: manage.input(byId).output(recurringDtoSchema).mutation(({ ctx, input }) => cancelRecurring(ctx.db, ctx.session.user.id, input.id)),
});
