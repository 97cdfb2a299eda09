/**
 * Test glue: every payments room bound to one context, so a test can drive the job money steps, billing and
 * payouts of one gateway (the ledger, or Stripe against the fake Stripe server) through one object.
 */
import type Stripe from "stripe";
import type { Db } from "@/server/db";
import { billingFor } from "@/server/payments/billing/billing";
import { ledgerContext, stripeContext, type PaymentsContext } from "@/server/payments/context";
import { createPayoutAccountLink } from "@/server/payments/payouts/payout-account";
import { payOwedPayouts } from "@/server/payments/payouts/transfers";
import { jobPayments } from "@/server/payments/steps";

export function moneyRooms(ctx: PaymentsContext) {
  return {
    ...jobPayments(ctx),
    ...billingFor(ctx),
    createPayoutAccountLink: (input: { scooperId: string }) => createPayoutAccountLink(ctx, input),
    payOwedPayouts: (input: { scooperId: string }) => payOwedPayouts(ctx, input),
  };
}

export const ledgerMoney = (db: Db) => moneyRooms(ledgerContext(db));
export const stripeMoney = (db: Db, stripe: Stripe) => moneyRooms(stripeContext(db, stripe));
