/**
 * The fee rates, in one place. A job is posted with the rates configured at that moment
 * (`currentFeeRates`, stored on the job), and every amount shown or charged for it afterwards — board, job page,
 * emails, capture, cancellation fee — is computed from the job's own rates (`jobAmounts` in src/lib/money.ts,
 * `jobFeeRates` here), so changing a setting affects new jobs only and a scooper is paid what they were shown.
 */
import { env } from "@/env";
import type { FeeRates } from "@/lib/money";
import type { Tx } from "@/server/db";

export function currentFeeRates(): FeeRates {
  return { platformFeePercent: env.PLATFORM_FEE_PERCENT, cancellationFeePercent: env.CANCELLATION_FEE_PERCENT, minCancelFeeCents: env.MIN_CANCEL_FEE_CENTS };
}

export async function jobFeeRates(tx: Tx, jobId: string): Promise<FeeRates> {
  return tx.cleanupJob.findUniqueOrThrow({ where: { id: jobId }, select: { platformFeePercent: true, cancellationFeePercent: true, minCancelFeeCents: true } });
}

