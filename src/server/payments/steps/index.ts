/**
 * The job money steps, one file each: the replay check, the state check, the gateway call, the ledger booking and
 * the receipt, in that order and in one place. `jobPayments(ctx)` binds them to a context for callers that run
 * several (the worker's settlement, tests).
 */
import { paymentsContext, type PaymentsContext } from "../context";
import { authorizeJobPayment, confirmJobAuthorization } from "./authorize";
import { settleCancellationFee } from "./cancellation-fee";
import { captureJobPayment } from "./capture";
import { refundJobPayment } from "./refund";
import { recordTip } from "./tip";
import { voidJobPayment } from "./void";

type Bound<F> = F extends (ctx: PaymentsContext, input: infer I) => infer R ? (input: I) => R : never;

export type JobPayments = {
  authorizeJobPayment: Bound<typeof authorizeJobPayment>;
  confirmJobAuthorization: Bound<typeof confirmJobAuthorization>;
  captureJobPayment: Bound<typeof captureJobPayment>;
  voidJobPayment: Bound<typeof voidJobPayment>;
  settleCancellationFee: Bound<typeof settleCancellationFee>;
  refundJobPayment: Bound<typeof refundJobPayment>;
  recordTip: Bound<typeof recordTip>;
};

export function jobPayments(ctx: PaymentsContext = paymentsContext()): JobPayments {
  return {
    authorizeJobPayment: (input) => authorizeJobPayment(ctx, input),
    confirmJobAuthorization: (input) => confirmJobAuthorization(ctx, input),
    captureJobPayment: (input) => captureJobPayment(ctx, input),
    voidJobPayment: (input) => voidJobPayment(ctx, input),
    settleCancellationFee: (input) => settleCancellationFee(ctx, input),
    refundJobPayment: (input) => refundJobPayment(ctx, input),
    recordTip: (input) => recordTip(ctx, input),
  };
}
