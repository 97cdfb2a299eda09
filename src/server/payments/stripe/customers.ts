/** A Scoop user's Stripe Customer, created once (its own idempotency key) and remembered in PaymentCustomer. */
import type Stripe from "stripe";
import type { Db } from "@/server/db";

export async function stripeCustomerId(db: Db, stripe: Stripe, userId: string): Promise<string> {
  const existing = await db.paymentCustomer.findUnique({ where: { userId } });
  if (existing) return existing.providerRef;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
  const customer = await stripe.customers.create(
    { email: user.email, name: user.name ?? undefined, metadata: { userId } },
    { idempotencyKey: `user_${userId}_customer` },
  );
  await db.paymentCustomer.createMany({ data: [{ userId, providerRef: customer.id }], skipDuplicates: true });
  return (await db.paymentCustomer.findUniqueOrThrow({ where: { userId } })).providerRef;
}
