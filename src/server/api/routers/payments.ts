import { z } from "zod";
import { earningsSchema, scooperEarnings } from "@/server/payments/earnings";
import { paymentsContext } from "@/server/payments/context";
import { createPayoutAccountLink } from "@/server/payments/payouts/payout-account";
import { chargebackRowSchema, listChargebacks } from "@/server/payments/chargebacks";
import { customerPayments, customerPaymentsSchema } from "@/server/payments/customer-payments";
import { adminProcedure, createTRPCRouter, customerProcedure, scooperProcedure } from "../trpc";

export const paymentsRouter = createTRPCRouter({
  /** The signed-in customer's receipts: each job's money steps (held, charged, released, refunded, tipped). */
  receipts: customerProcedure.output(customerPaymentsSchema).query(({ ctx }) => customerPayments(ctx.db, ctx.session.user.id)),
  /** The signed-in scooper's earnings: this week, last week (Monday–Sunday, APP_TIMEZONE) and all time. */
  earnings: scooperProcedure.output(earningsSchema).query(({ ctx }) => scooperEarnings(ctx.db, ctx.session.user.id)),
  /** Where the scooper sets up payouts (Stripe Connect onboarding), or "ready" when nothing is left to do. */
  payoutOnboardingLink: scooperProcedure
    .output(z.discriminatedUnion("status", [z.object({ status: z.literal("ready") }), z.object({ status: z.literal("onboarding"), url: z.url() })]))
    .mutation(({ ctx }) => createPayoutAccountLink(paymentsContext(), { scooperId: ctx.session.user.id })),
  /** Admins: card disputes (chargebacks) against jobs' charges, newest first, with whether the customer's posting is held. */
  chargebacks: adminProcedure.output(z.array(chargebackRowSchema)).query(({ ctx }) => listChargebacks(ctx.db)),
});
