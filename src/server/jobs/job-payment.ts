/**
 * The poster's side of a job that waits for its payment (AWAITING_PAYMENT, Stripe): the card form's client secret,
 * and the check after the browser confirmed the card. The Stripe webhook opens the job too; whichever comes first
 * opens it (payment-gate.ts), the other finds it open.
 */
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { jobPayments } from "@/server/payments/steps";
import { findOperationResult } from "@/server/payments/payment-book";
import { paymentForm, type PaymentForm } from "@/server/payments/payment-form";
import { paymentKeys } from "@/server/payments/types";
import { isPoster, type JobActor } from "./job-access";
import { openPaidJob } from "./payment-gate";
import { loadVisibleJob } from "./transition";

async function ownJob(db: Db, actor: JobActor, jobId: string) {
  const job = await loadVisibleJob(db, jobId, actor);
  if (!isPoster(job, actor)) throw new AppError("FORBIDDEN", "job.onlyPosterPays");
  return job;
}

export async function jobPaymentForm(db: Db, actor: JobActor, jobId: string): Promise<PaymentForm | null> {
  const job = await ownJob(db, actor, jobId);
  if (job.status !== "AWAITING_PAYMENT") return null;
  const authorization = await findOperationResult(db, paymentKeys.authorize(jobId));
  return paymentForm(authorization?.clientSecret);
}

export async function confirmJobPayment(db: Db, actor: JobActor, jobId: string): Promise<{ status: string }> {
  const job = await ownJob(db, actor, jobId);
  if (job.status === "AWAITING_PAYMENT") {
    const result = await jobPayments().confirmJobAuthorization({ jobId });
    if (result.status === "AUTHORIZED") await openPaidJob(db, jobId);
  }
  const { status } = await db.cleanupJob.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } });
  return { status };
}
