/**
 * What the browser's card form (Stripe's Payment Element) needs to confirm a payment: the PaymentIntent's or
 * invoice's client secret and the publishable key. One shape for every procedure that returns one.
 */
import { z } from "zod";
import { env } from "@/env";

export const paymentFormSchema = z.object({ clientSecret: z.string(), publishableKey: z.string().nullable() });
export type PaymentForm = z.infer<typeof paymentFormSchema>;

/** The card form for a client secret, or null when there is nothing for the customer to confirm. */
export function paymentForm(clientSecret: string | null | undefined): PaymentForm | null {
  return clientSecret ? { clientSecret, publishableKey: env.STRIPE_PUBLISHABLE_KEY ?? null } : null;
}
