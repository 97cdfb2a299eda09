/** What every job money step shares: the state check before any gateway call, and the amount check. */
import { AppError, type ErrorReason } from "@/server/errors";
import type { JobPayment, PaymentAction } from "../payment-book";

export { assertCents } from "../payment-book";

/** A step applies only from these statuses; checked before the gateway call (the booking's conditional update decides races). */
export function requireStatus(payment: JobPayment, allowed: JobPayment["status"][], what: PaymentAction, reason?: ErrorReason): void {
  if (!allowed.includes(payment.status)) {
    throw new AppError("CONFLICT", reason ?? "payment.wrongStatus", { action: what, status: payment.status }, { status: payment.status });
  }
}

export const jobGroup = (jobId: string) => `job_${jobId}`;
