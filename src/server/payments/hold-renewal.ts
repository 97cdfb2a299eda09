/**
 * Which holds to renew: AUTHORIZED Stripe payments (not funded by a prepaid visit, whose money is charged already)
 * held longer than HOLD_REFRESH_AFTER_HOURS. The worker checks every HOLD_CHECK_SECONDS and writes one outbox effect
 * per hold (`renew-hold-<job>-<heldAt>`), so each hold is renewed once even if the check runs twice or Redis loses
 * the queued job.
 */
import { env } from "@/env";
import type { PaymentsContext } from "./context";
import { commitWithEffects, type OutboxEffect } from "@/server/outbox/outbox";

export function renewHoldEffect(jobId: string, heldAt: Date): OutboxEffect {
  return { queue: "payments", payload: { kind: "renew-hold", jobId }, key: `renew-hold-${jobId}-${heldAt.getTime()}` };
}

/** Holds a refused renewal left alone (`failureReason` set) are not tried again; the oldest come first. */
export async function queueHoldRenewals(ctx: Pick<PaymentsContext, "db" | "gateway">, now = new Date()): Promise<number> {
  // Only the gateway that made a hold can renew it: nothing to do while Stripe is not configured.
  if (ctx.gateway.name !== "stripe") return 0;
  const { db } = ctx;
  const before = new Date(now.getTime() - env.HOLD_REFRESH_AFTER_HOURS * 3600_000);
  const due = await db.payment.findMany({
    where: { status: "AUTHORIZED", provider: "stripe", prepaidVisitId: null, failureReason: null, heldAt: { lte: before } },
    orderBy: { heldAt: "asc" },
    select: { jobId: true, heldAt: true },
    take: 500,
  });
  if (due.length === 0) return 0;
  await commitWithEffects(db, async (_tx, emit) => {
    for (const p of due) emit(renewHoldEffect(p.jobId, p.heldAt!));
  });
  return due.length;
}
