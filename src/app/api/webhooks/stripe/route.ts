import { env } from "@/env";
import { db } from "@/server/db";
import { logger } from "@/server/logger";
import { API_MAX_BODY_BYTES, BodyTooLargeError, payloadTooLarge, readBodyCapped } from "@/server/security/request-body";
import { verifyStripeWebhook } from "@/server/payments/stripe/client";
import { acceptStripeEvent } from "@/server/webhooks/stripe-events";

export const dynamic = "force-dynamic";

/**
 * Stripe's webhook endpoint. 400 (and nothing stored) when the signature does not verify; 200 only once the
 * event is stored and queued; 500 otherwise, so Stripe delivers it again.
 */
export async function POST(req: Request) {
  const signature = req.headers.get("stripe-signature");
  if (!env.STRIPE_WEBHOOK_SECRET || !signature) return Response.json({ error: "Missing or unverifiable signature" }, { status: 400 });
  // The signature covers the exact bytes Stripe sent: verify the raw text, never re-serialized JSON.
  let rawBody: string;
  try {
    rawBody = new TextDecoder().decode(await readBodyCapped(req, API_MAX_BODY_BYTES));
  } catch (err) {
    if (err instanceof BodyTooLargeError) return payloadTooLarge();
    throw err;
  }
  let event;
  try {
    event = verifyStripeWebhook(rawBody, signature, env.STRIPE_WEBHOOK_SECRET);
  } catch {
    return Response.json({ error: "Invalid signature" }, { status: 400 });
  }
  try {
    const { duplicate } = await acceptStripeEvent(db, event);
    return Response.json({ received: true, duplicate });
  } catch (err) {
    logger.error({ err, stripeEventId: event.id }, "could not store a Stripe webhook event");
    return Response.json({ error: "Could not store the event" }, { status: 500 });
  }
}
