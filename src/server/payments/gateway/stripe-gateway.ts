/**
 * Stripe as the money gateway: holds are manual-capture PaymentIntents on the platform account; a scooper's payout
 * is a Transfer to their Connect Express account (separate charges and transfers: the scooper is unknown when the
 * job is posted). Every request carries the step's idempotency key.
 */
import type Stripe from "stripe";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { CURRENCY, chargeId, stripeCall } from "../stripe/call";
import { stripeCustomerId } from "../stripe/customers";
import type { MoneyGateway } from "./gateway";

function requireRef(ref: string | null): string {
  if (!ref) throw new AppError("PRECONDITION_FAILED", "payment.notStripe");
  return ref;
}

export function createStripeGateway(db: Db, stripe: Stripe): MoneyGateway {
  return {
    name: "stripe",

    async hold({ key, customerId, amountCents, savedCardRef, metadata, group }) {
      const customer = await stripeCustomerId(db, stripe, customerId);
      const intent = await stripeCall(() =>
        stripe.paymentIntents.create(
          {
            amount: amountCents, currency: CURRENCY, capture_method: "manual", customer, transfer_group: group, metadata,
            // Confirmed later in the browser: keep the card for off-session use, so the hold can be renewed.
            ...(savedCardRef ? { payment_method: savedCardRef, confirm: true, off_session: true } : { setup_future_usage: "off_session" as const }),
          },
          { idempotencyKey: key },
        ),
      );
      const held = intent.status === "requires_capture";
      return { ref: intent.id, held, clientSecret: held ? null : intent.client_secret };
    },

    async holdStatus({ ref }) {
      const intent = await stripe.paymentIntents.retrieve(requireRef(ref));
      const cardRef = typeof intent.payment_method === "string" ? intent.payment_method : (intent.payment_method?.id ?? null);
      return { held: intent.status === "requires_capture", message: intent.last_payment_error?.message, providerStatus: intent.status, cardRef };
    },

    async capture({ key, ref, amountCents }) {
      const intent = await stripeCall(() =>
        stripe.paymentIntents.capture(requireRef(ref), amountCents === undefined ? {} : { amount_to_capture: amountCents }, { idempotencyKey: key }),
      );
      return { chargeRef: chargeId(intent) };
    },

    async releaseHold({ key, ref }) {
      await stripeCall(() => stripe.paymentIntents.cancel(requireRef(ref), {}, { idempotencyKey: key }));
    },

    async refund({ key, ref, amountCents, metadata, reason }) {
      await stripeCall(() =>
        stripe.refunds.create({ payment_intent: requireRef(ref), amount: amountCents, ...(reason ? { reason } : {}), metadata }, { idempotencyKey: key }),
      );
    },

    async transfer({ key, destination, amountCents, sourceChargeRef, metadata, group }) {
      const transfer = await stripe.transfers.create(
        {
          amount: amountCents, currency: CURRENCY, destination, transfer_group: group, metadata,
          ...(sourceChargeRef ? { source_transaction: sourceChargeRef } : {}),
        },
        { idempotencyKey: key },
      );
      return transfer.id;
    },

    async reverseTransfer({ key, transferRef, amountCents, metadata }) {
      await stripe.transfers.createReversal(transferRef, { amount: amountCents, metadata }, { idempotencyKey: key });
    },

    async chargeOf({ ref }) {
      return chargeId(await stripe.paymentIntents.retrieve(ref));
    },

    async chargeSavedCard({ key, fromRef, amountCents, destination, metadata, group }) {
      const original = await stripe.paymentIntents.retrieve(requireRef(fromRef));
      const paymentMethod = typeof original.payment_method === "string" ? original.payment_method : original.payment_method?.id;
      const intent = await stripeCall(() =>
        stripe.paymentIntents.create(
          {
            amount: amountCents, currency: CURRENCY, customer: typeof original.customer === "string" ? original.customer : original.customer?.id,
            payment_method: paymentMethod, confirm: true, off_session: true, transfer_group: group, metadata,
            // A destination charge with no application fee: all of it goes to that account.
            ...(destination ? { transfer_data: { destination } } : {}),
          },
          { idempotencyKey: key },
        ),
      );
      return { ref: intent.id };
    },
  };
}
