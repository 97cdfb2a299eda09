import { db } from "@/server/db";
import { processStripeEvent } from "@/server/payments/stripe-webhooks";

export async function stripeEventProcessor(payload: { eventId: string }): Promise<string> {
  return processStripeEvent(db, payload.eventId);
}
