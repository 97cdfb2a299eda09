/** Stripe's refusals as domain errors; anything else (network, auth) propagates as a 500 and can be retried. */
import Stripe from "stripe";
import { AppError } from "@/server/errors";

export async function stripeCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof Stripe.errors.StripeCardError) throw new AppError("PRECONDITION_FAILED", "payment.cardError", { detail: err.message }, { stripeCode: err.code });
    if (err instanceof Stripe.errors.StripeInvalidRequestError && err.code === "payment_intent_unexpected_state") {
      throw new AppError("CONFLICT", "payment.changed", {}, { stripeCode: err.code });
    }
    throw err;
  }
}

export function chargeId(intent: Stripe.PaymentIntent): string | null {
  const charge = intent.latest_charge;
  return typeof charge === "string" ? charge : (charge?.id ?? null);
}

export const CURRENCY = "usd";
