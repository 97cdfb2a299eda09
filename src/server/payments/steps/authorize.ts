/**
 * Authorize: holds a job's price on the customer's card. Held now → AUTHORIZED; the customer must still confirm
 * it (3-D Secure, a new card) → PENDING with the browser's client secret, until `confirmJobAuthorization`.
 */
import type { PaymentsContext } from "../context";
import { bookAuthorization, bookAuthorizationConfirmed, findOperationResult, getJobPayment, runOnce } from "../payment-book";
import { paymentKeys, type AuthorizeJobPaymentInput, type PaymentResult } from "../types";
import { AppError } from "@/server/errors";
import { assertCents, jobGroup } from "./step";

export async function authorizeJobPayment(ctx: PaymentsContext, input: AuthorizeJobPaymentInput): Promise<PaymentResult> {
  const { jobId, customerId, amountCents } = input;
  const idempotencyKey = paymentKeys.authorize(jobId);
  const done = await findOperationResult(ctx.db, idempotencyKey);
  if (done) return done;
  assertCents(amountCents, "amount");
  const hold = await ctx.gateway.hold({
    key: idempotencyKey, customerId, amountCents, savedCardRef: input.paymentMethodId, metadata: { jobId, customerId }, group: jobGroup(jobId),
  });
  return runOnce(ctx.db, idempotencyKey, (tx) =>
    bookAuthorization(tx, {
      idempotencyKey, jobId, customerId, amountCents, provider: ctx.gateway.name, status: hold.held ? "AUTHORIZED" : "PENDING",
      providerRef: hold.ref, clientSecret: hold.clientSecret,
    }),
  );
}

/**
 * The browser confirmed a PENDING authorization (card form): checks the hold and books it. Returns the
 * authorization's current result (the same one when it was already authorized).
 */
export async function confirmJobAuthorization(ctx: PaymentsContext, { jobId }: { jobId: string }): Promise<PaymentResult> {
  const confirmedKey = paymentKeys.authorizeConfirmed(jobId);
  const confirmed = await findOperationResult(ctx.db, confirmedKey);
  if (confirmed) return confirmed;
  const payment = await getJobPayment(ctx.db, jobId);
  if (payment.status !== "PENDING" && payment.status !== "FAILED") {
    const authorized = await findOperationResult(ctx.db, paymentKeys.authorize(jobId));
    if (!authorized) throw new AppError("NOT_FOUND", "payment.noAuthorization");
    return { ...authorized, status: payment.status };
  }
  const hold = await ctx.gateway.holdStatus({ ref: payment.providerRef });
  if (!hold.held) throw new AppError("PRECONDITION_FAILED", hold.message ? "payment.cardNotAccepted" : "payment.cardNotYetAccepted", { detail: hold.message ?? "" }, { stripeStatus: hold.providerStatus });
  return runOnce(ctx.db, confirmedKey, (tx) => bookAuthorizationConfirmed(tx, { idempotencyKey: confirmedKey, jobId }));
}
