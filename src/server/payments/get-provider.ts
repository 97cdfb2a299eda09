/** Picks the payment provider from config: Stripe when STRIPE_SECRET_KEY is set, else the built-in ledger. */
import { env } from "@/env";
import { db } from "@/server/db";
import { createLedgerProvider } from "./ledger-provider";
import type { PaymentProvider } from "./provider";
import { getStripe } from "./stripe-client";
import { createStripeProvider } from "./stripe-provider";

let provider: PaymentProvider | undefined;

export function getPaymentProvider(): PaymentProvider {
  return (provider ??= env.STRIPE_SECRET_KEY ? createStripeProvider(db, getStripe()) : createLedgerProvider(db));
}
