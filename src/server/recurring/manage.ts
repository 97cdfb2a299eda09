/**
 * A customer's own recurring cleanups: create, edit (applies from the next service date: jobs already
 * generated keep their details), pause (optionally until a date), resume, cancel.
 */
import type { RecurringCleanup } from "@/generated/prisma/client";
import { compareDates, type LocalDate } from "@/lib/schedules";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { getBilling } from "@/server/payments/billing/billing";
import { paymentForm, type PaymentForm } from "@/server/payments/payment-form";
import { commitWithEffects, type OutboxEffect } from "@/server/outbox/outbox";
import { billingSync } from "@/server/payments/effects";
import { firstOpenServiceDate, fromDbDate, toDbDate, upcomingDates } from "@/server/calendar";

export { firstOpenServiceDate, upcomingDates };
import type { CreateRecurringInput } from "@/lib/schemas/recurring";
import type { RecurringDto } from "./schemas";

export function toRecurringDto(sub: RecurringCleanup, now = new Date()): RecurringDto {
  return {
    id: sub.id, status: sub.status, frequency: sub.frequency, firstServiceDate: fromDbDate(sub.firstServiceDate),
    pausedUntil: sub.pausedUntil ? fromDbDate(sub.pausedUntil) : null, pauseReason: sub.pauseReason, priceCents: sub.priceCents, address: sub.address, postalCode: sub.postalCode, lat: sub.lat,
    lng: sub.lng, type: sub.type, pileEstimate: sub.pileEstimate, litterLevel: sub.litterLevel, yardSegments: sub.yardSegments,
    publicNotes: sub.publicNotes, accessNotes: sub.accessNotes, preferredScooperId: sub.preferredScooperId,
    nextServiceDates: upcomingDates(sub, 5, now), createdAt: sub.createdAt,
  };
}

/** Jobs a scooper has done for a customer: the work was finished (confirmed, or completed or disputed since). */
const DONE_STATES = ["COMPLETED", "CONFIRMED", "DISPUTED", "RESOLVED"] as const;

/**
 * The scoopers a customer may choose as preferred: those who have done a job for them and are not blocked,
 * most recent first. The recurring form lists exactly these; create and update accept only these.
 */
export async function preferredScooperChoices(db: Tx, customerId: string): Promise<{ id: string; name: string; jobsDone: number }[]> {
  const done = await db.cleanupJob.groupBy({
    by: ["scooperId"],
    where: { posterId: customerId, status: { in: [...DONE_STATES] }, scooperId: { not: null } },
    _count: { _all: true },
    _max: { completedAt: true },
  });
  const ids = done.map((d) => d.scooperId).filter((id): id is string => !!id && id !== customerId);
  if (ids.length === 0) return [];
  const users = await db.user.findMany({ where: { id: { in: ids }, status: { not: "BANNED" }, roles: { has: "SCOOPER" } }, select: { id: true, name: true } });
  const byId = new Map(done.map((d) => [d.scooperId, d]));
  return users
    .map((u) => ({ id: u.id, name: u.name?.trim() || "Unnamed scooper", jobsDone: byId.get(u.id)?._count._all ?? 0, last: byId.get(u.id)?._max.completedAt?.getTime() ?? 0 }))
    .sort((a, b) => b.last - a.last)
    .map(({ last: _last, ...choice }) => choice);
}

async function checkPreferredScooper(db: Tx, customerId: string, scooperId: string | null, current: string | null = null) {
  // Keeping the one already chosen is always allowed (it was checked when it was chosen).
  if (!scooperId || scooperId === current) return;
  const choices = await preferredScooperChoices(db, customerId);
  if (!choices.some((c) => c.id === scooperId)) {
    throw new AppError("BAD_REQUEST", "recurring.preferredScooper", {}, { field: "preferredScooperId" });
  }
}

function checkFirstDate(date: LocalDate, now: Date) {
  if (compareDates(date, firstOpenServiceDate(now)) < 0) {
    throw new AppError("BAD_REQUEST", "recurring.firstDateTooEarly", { date: firstOpenServiceDate(now) });
  }
}

export type CreatedRecurring = RecurringDto & { payment: PaymentForm | null };

export async function createRecurring(db: Tx, customerId: string, input: CreateRecurringInput, now = new Date()): Promise<CreatedRecurring> {
  checkFirstDate(input.firstServiceDate, now);
  await checkPreferredScooper(db, customerId, input.preferredScooperId);
  const sub = await db.recurringCleanup.create({ data: { ...input, customerId, firstServiceDate: toDbDate(input.firstServiceDate) } });
  // Billing at the subscription's real frequency (Stripe: a Subscription whose first invoice the customer confirms
  // in the card form; the ledger bills each generated job). Without billing there is no subscription: the customer
  // gets the error and tries again from the same form.
  let billing;
  try {
    billing = await getBilling().createSubscriptionBilling({ recurringId: sub.id });
  } catch (err) {
    await db.billingSubscription.deleteMany({ where: { recurringId: sub.id } });
    await db.recurringCleanup.delete({ where: { id: sub.id } });
    throw err;
  }
  return { ...toRecurringDto(sub, now), payment: billing.mode === "subscription" ? paymentForm(billing.clientSecret) : null };
}

/** Emitted in the change's transaction: the worker brings the billing in line (payments/effects.ts). */
export async function billingSyncFor(tx: Tx, id: string): Promise<OutboxEffect> {
  const { updatedAt } = await tx.recurringCleanup.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } });
  return billingSync(id, updatedAt);
}

async function ownSubscription(db: Tx, customerId: string, id: string): Promise<RecurringCleanup> {
  const sub = await db.recurringCleanup.findUnique({ where: { id } });
  // Someone else's subscription reads as missing: ids never confirm what exists.
  if (!sub || sub.customerId !== customerId) throw new AppError("NOT_FOUND", "recurring.notFound");
  return sub;
}

export async function listRecurring(db: Tx, customerId: string, now = new Date()): Promise<RecurringDto[]> {
  const subs = await db.recurringCleanup.findMany({ where: { customerId }, orderBy: { createdAt: "desc" } });
  return subs.map((s) => toRecurringDto(s, now));
}

export async function getRecurring(db: Tx, customerId: string, id: string, now = new Date()): Promise<RecurringDto> {
  return toRecurringDto(await ownSubscription(db, customerId, id), now);
}

export async function updateRecurring(db: Db, customerId: string, id: string, input: CreateRecurringInput, now = new Date()): Promise<RecurringDto> {
  const sub = await ownSubscription(db, customerId, id);
  if (sub.status === "CANCELLED") throw new AppError("CONFLICT", "recurring.cancelled");
  const scheduleChanged = sub.frequency !== input.frequency || fromDbDate(sub.firstServiceDate) !== input.firstServiceDate;
  if (scheduleChanged) checkFirstDate(input.firstServiceDate, now);
  await checkPreferredScooper(db, customerId, input.preferredScooperId, sub.preferredScooperId);
  await commitWithEffects(db, async (tx, emit) => {
    // Conditional on the state read above, so a concurrent cancel wins cleanly.
    const updated = await tx.recurringCleanup.updateMany({
      where: { id, status: { not: "CANCELLED" } },
      data: { ...input, firstServiceDate: toDbDate(input.firstServiceDate) },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "recurring.cancelled");
    // A new price or schedule is billed by a new subscription (the worker replaces it; visits paid at the old price
    // are refunded, at the same price they pay the next visits).
    if (scheduleChanged || sub.priceCents !== input.priceCents) emit(await billingSyncFor(tx, id));
  });
  return getRecurring(db, customerId, id, now);
}

/**
 * The state rules of pausing and resuming, shared by the customer's own actions and the admin's: an ACTIVE or
 * PAUSED subscription may be paused (until a later open service date, or indefinitely); only a PAUSED one resumed.
 * Each is a conditional update, so a concurrent cancel wins cleanly.
 */
export async function applyPause(db: Tx, id: string, until: LocalDate | null, now = new Date()): Promise<void> {
  if (until && compareDates(until, firstOpenServiceDate(now)) <= 0) throw new AppError("BAD_REQUEST", "recurring.pauseLater");
  const updated = await db.recurringCleanup.updateMany({
    where: { id, status: { in: ["ACTIVE", "PAUSED"] } },
    data: { status: "PAUSED", pausedUntil: until ? toDbDate(until) : null, pauseReason: null },
  });
  if (updated.count !== 1) throw new AppError("CONFLICT", "recurring.onlyActivePauses");
}

export async function applyResume(db: Tx, id: string): Promise<void> {
  const updated = await db.recurringCleanup.updateMany({ where: { id, status: "PAUSED" }, data: { status: "ACTIVE", pausedUntil: null, pauseReason: null } });
  if (updated.count !== 1) throw new AppError("CONFLICT", "recurring.onlyPausedResumes");
}

/** Applies a state change and, in the same transaction, the billing sync it owes. */
async function changeWithBilling(db: Db, id: string, apply: (tx: Tx) => Promise<void>): Promise<void> {
  await commitWithEffects(db, async (tx, emit) => {
    await apply(tx);
    emit(await billingSyncFor(tx, id));
  });
}

export async function pauseRecurring(db: Db, customerId: string, id: string, until: LocalDate | null, now = new Date()): Promise<RecurringDto> {
  await ownSubscription(db, customerId, id);
  await changeWithBilling(db, id, (tx) => applyPause(tx, id, until, now));
  return getRecurring(db, customerId, id, now);
}

export async function resumeRecurring(db: Db, customerId: string, id: string, now = new Date()): Promise<RecurringDto> {
  await ownSubscription(db, customerId, id);
  await changeWithBilling(db, id, (tx) => applyResume(tx, id));
  return getRecurring(db, customerId, id, now);
}

export async function cancelRecurring(db: Db, customerId: string, id: string, now = new Date()): Promise<RecurringDto> {
  await ownSubscription(db, customerId, id);
  // The worker stops the billing and refunds unused paid visits, retrying until Stripe has done it.
  await changeWithBilling(db, id, async (tx) => {
    const updated = await tx.recurringCleanup.updateMany({
      where: { id, status: { not: "CANCELLED" } },
      data: { status: "CANCELLED", cancelledAt: now, pausedUntil: null, pauseReason: null },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "recurring.alreadyCancelled");
  });
  return getRecurring(db, customerId, id, now);
}

/** The card form for the subscription's open invoice (Stripe: the first visit not paid yet, or a failed renewal). */
export async function recurringPaymentForm(db: Tx, customerId: string, id: string) {
  await ownSubscription(db, customerId, id);
  return getBilling().subscriptionPaymentForm({ recurringId: id });
}
