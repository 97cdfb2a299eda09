/**
 * The Stripe client, built from env: STRIPE_SECRET_KEY, and STRIPE_API_BASE when tests point it at a fake.
 * Network retries are on (2): every request carries an idempotency key, so a retry cannot repeat a charge.
 */
import Stripe from "stripe";
import { env } from "@/env";

export function createStripeClient(secretKey: string, apiBase?: string): Stripe {
  const base = apiBase ? new URL(apiBase) : null;
  return new Stripe(secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...(base
      ? { host: base.hostname, port: base.port || (base.protocol === "https:" ? 443 : 80), protocol: base.protocol === "http:" ? "http" : "https" }
      : {}),
  });
}

let client: Stripe | undefined;

export function getStripe(): Stripe {
  if (!env.STRIPE_SECRET_KEY) throw new Error("STRIPE_SECRET_KEY is not set");
  return (client ??= createStripeClient(env.STRIPE_SECRET_KEY, env.STRIPE_API_BASE));
}

/** Webhook verification needs only the signing secret, not an API key (it works in ledger mode too). */
export function verifyStripeWebhook(rawBody: string, signature: string, secret: string): Stripe.Event {
  return Stripe.webhooks.constructEvent(rawBody, signature, secret);
}
