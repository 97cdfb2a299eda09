/**
 * What the payments rooms run with: the database and the money gateway picked from config — Stripe when
 * STRIPE_SECRET_KEY is set, else the offline ledger gateway. Tests build their own (`{ db, gateway }`).
 */
import type Stripe from "stripe";
import { env } from "@/env";
import { db, type Db } from "@/server/db";
import type { MoneyGateway } from "./gateway/gateway";
import { createLedgerGateway } from "./gateway/ledger-gateway";
import { createStripeGateway } from "./gateway/stripe-gateway";
import { getStripe } from "./stripe/client";

export type PaymentsContext = {
  db: Db;
  gateway: MoneyGateway;
  /** The Stripe client when Stripe moves the money (subscription billing and payout onboarding need more than the gateway). */
  stripe: Stripe | null;
};

let current: PaymentsContext | undefined;

export function paymentsContext(): PaymentsContext {
  if (current) return current;
  const stripe = env.STRIPE_SECRET_KEY ? getStripe() : null;
  current = { db, stripe, gateway: stripe ? createStripeGateway(db, stripe) : createLedgerGateway() };
  return current;
}

export function stripeContext(db: Db, stripe: Stripe): PaymentsContext {
  return { db, stripe, gateway: createStripeGateway(db, stripe) };
}

export function ledgerContext(db: Db): PaymentsContext {
  return { db, stripe: null, gateway: createLedgerGateway() };
}
