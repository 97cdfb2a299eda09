/**
 * Admin view of recurring cleanups: list/filter, one with its next service dates and latest generated jobs, and
 * pause/resume with a reason. The state rules are the customer's own (`applyPause`/`applyResume` in
 * src/server/recurring/manage.ts); the admin variants add the audit row in the same transaction.
 */
import { z } from "zod";
import type { Db, Tx } from "@/server/db";
import { JobStatus } from "@/generated/prisma/enums";
import { AppError } from "@/server/errors";
import { nextBillingAt } from "@/server/payments/billing/prepaid-visits";
import { commitWithEffects } from "@/server/outbox/outbox";
import { applyPause, applyResume, billingSyncFor, toRecurringDto } from "@/server/recurring/manage";
import { localDateSchema } from "@/lib/schemas/recurring";
import { recurringDtoSchema } from "@/server/recurring/schemas";
import { fromDbDate } from "@/server/calendar";
import { recordAudit } from "@/server/audit/audit-log";

const statusSchema = z.enum(["ACTIVE", "PAUSED", "CANCELLED"]);

export const adminSubscriptionQuerySchema = z.object({
  status: statusSchema.nullable().default(null),
  customerEmail: z.string().trim().max(200).default(""),
  take: z.number().int().min(1).max(200).default(100),
});

export const adminSubscriptionSchema = recurringDtoSchema.extend({
  customerEmail: z.string(),
  recentJobs: z.array(z.object({ id: z.string(), status: z.enum(JobStatus), serviceDate: z.string().nullable() })),
  /** How the visits are paid (docs/payments.md): per job (ledger) or by a Stripe subscription's invoices. */
  billing: z
    .object({
      provider: z.string(), status: z.string(), lastInvoiceStatus: z.string().nullable(), nextBillingAt: z.date().nullable(),
      prepaidVisitsAvailable: z.number().int(),
    })
    .nullable(),
});

export const adminSubscriptionRowSchema = adminSubscriptionSchema.omit({ recentJobs: true, billing: true });

export async function listAdminSubscriptions(db: Tx, query: z.input<typeof adminSubscriptionQuerySchema>, now = new Date()) {
  const q = adminSubscriptionQuerySchema.parse(query);
  const subs = await db.recurringCleanup.findMany({
    where: {
      ...(q.status ? { status: q.status } : {}),
      ...(q.customerEmail ? { customer: { email: { contains: q.customerEmail, mode: "insensitive" } } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: q.take,
    include: { customer: { select: { email: true } } },
  });
  return subs.map(({ customer, ...s }) => ({ ...toRecurringDto(s, now), customerEmail: customer.email }));
}

export async function getAdminSubscription(db: Tx, id: string, now = new Date()) {
  const sub = await db.recurringCleanup.findUnique({
    where: { id },
    include: {
      customer: { select: { email: true } },
      jobs: { orderBy: { serviceDate: "desc" }, take: 10, select: { id: true, status: true, serviceDate: true } },
    },
  });
  if (!sub) throw new AppError("NOT_FOUND", "recurring.notFound");
  const { customer, jobs, ...rest } = sub;
  const billing = await db.billingSubscription.findUnique({ where: { recurringId: id } });
  const prepaidVisitsAvailable = await db.prepaidVisit.count({ where: { recurringId: id, status: "AVAILABLE" } });
  return {
    ...toRecurringDto(rest, now),
    customerEmail: customer.email,
    billing: billing && {
      provider: billing.provider, status: billing.status, lastInvoiceStatus: billing.lastInvoiceStatus, prepaidVisitsAvailable,
      nextBillingAt: billing.billingAnchorAt && billing.status !== "CANCELED" ? nextBillingAt(sub.frequency, billing.billingAnchorAt, now) : null,
    },
    recentJobs: jobs.map((j) => ({ id: j.id, status: j.status, serviceDate: j.serviceDate ? fromDbDate(j.serviceDate) : null })),
  };
}

export const adminPauseInputSchema = z.object({ id: z.string().min(1).max(40), until: localDateSchema.nullable().default(null) });

/** The change, its audit row and the billing sync it owes, in one transaction. */
async function changeAudited(db: Db, actorId: string, id: string, action: string, reason: string, apply: (tx: Tx) => Promise<void>) {
  await commitWithEffects(db, async (tx, emit) => {
    const before = await tx.recurringCleanup.findUnique({ where: { id }, select: { status: true, pausedUntil: true } });
    if (!before) throw new AppError("NOT_FOUND", "recurring.notFound");
    await apply(tx);
    const after = await tx.recurringCleanup.findUniqueOrThrow({ where: { id }, select: { status: true, pausedUntil: true } });
    await recordAudit(tx, { actorId, action, targetType: "recurring", targetId: id, before, after, reason });
    // Paused visits are not billed (the worker pauses the Stripe subscription; nothing for the ledger).
    emit(await billingSyncFor(tx, id));
  });
}

export async function adminPauseSubscription(db: Db, actorId: string, id: string, until: string | null, reason: string, now = new Date()) {
  await changeAudited(db, actorId, id, "recurring.pause", reason, (tx) => applyPause(tx, id, until, now));
}

export async function adminResumeSubscription(db: Db, actorId: string, id: string, reason: string) {
  await changeAudited(db, actorId, id, "recurring.resume", reason, (tx) => applyResume(tx, id));
}
