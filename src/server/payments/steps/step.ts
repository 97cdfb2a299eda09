/** What every job money step shares: the state check before any gateway call, and the amount check. */
import { AppError } from "@/server/errors";
import type { JobPayment } from "../payment-book";

export { assertCents } from "../payment-book";

/** A step applies only from these statuses; checked before the gateway call (the booking's conditional update decides races). */
export function requireStatus(payment: JobPayment, allowed: JobPayment["status"][], what: string, message?: string): void {
  if (!allowed.includes(payment.status)) {
    throw new AppError("CONFLICT", message ?? `Cannot ${what}: the payment is already ${payment.status.toLowerCase().replace("_", " ")}.`, { status: payment.status });
  }
}

export const jobGroup = (jobId: string) => `job_${jobId}`;
