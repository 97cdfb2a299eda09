/**
 * Reminders for recurring cleanups. The subscriptions issue owns the models and the timers; it calls these with
 * what it has. Keyed by (subscription, date), so a timer firing twice reminds once.
 */
import type { Tx } from "@/server/db";
import { notify, type NotifyResult } from "./notify";

/** The day before a service date, to the customer. `serviceDate` is a local YYYY-MM-DD. */
export function notifyServiceDayReminder(
  db: Tx,
  input: { customerId: string; subscriptionId: string; serviceDate: string; address: string; priceCents: number },
): Promise<NotifyResult> {
  return notify(db, {
    kind: "reminder.service-day",
    recipientId: input.customerId,
    eventKey: `reminder.service-day:${input.subscriptionId}:${input.serviceDate}`,
    data: { address: input.address, serviceDate: input.serviceDate, priceCents: input.priceCents },
  });
}

/** Three days before a billing date (when payments are on), to the customer. */
export function notifyRenewalReminder(
  db: Tx,
  input: { customerId: string; subscriptionId: string; billingDate: string; address: string; amountCents: number },
): Promise<NotifyResult> {
  return notify(db, {
    kind: "reminder.renewal",
    recipientId: input.customerId,
    eventKey: `reminder.renewal:${input.subscriptionId}:${input.billingDate}`,
    data: { address: input.address, billingDate: input.billingDate, amountCents: input.amountCents },
  });
}

/** An admin's weather skip affects this subscription (recurring/weather-skip.ts): tells its customer, once per skip. */
export function notifyWeatherSkip(
  db: Tx,
  input: { weatherSkipId: string; subscriptionId: string; customerId: string; address: string; serviceDate: string; reason: string },
): Promise<NotifyResult> {
  return notify(db, {
    kind: "recurring.weather-skip",
    recipientId: input.customerId,
    eventKey: `recurring.weather-skip:${input.weatherSkipId}:${input.subscriptionId}`,
    data: { address: input.address, serviceDate: input.serviceDate, reason: input.reason },
  });
}
