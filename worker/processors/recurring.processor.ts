import { db } from "@/server/db";
import { generateDueRecurringJobs } from "@/server/recurring/generate";
import { sendRenewalReminders, sendServiceDayReminders } from "@/server/recurring/reminders";
import { weatherSkipNoticeData } from "@/server/recurring/weather-skip";
import { notifyWeatherSkip } from "@/server/notifications/reminders";

export async function generateRecurringProcessor() {
  const { serviceDate, generated, skipped, skippedByCustomer, skippedByWeather, failed } = await generateDueRecurringJobs(db);
  // The returned value is kept on the BullMQ job: the admin queue page shows each run's counts.
  return { serviceDate, generated, skipped, skippedByCustomer, skippedByWeather, failed };
}

/** The daily reminders run: tomorrow's service days, and billing dates three days ahead (Stripe billing). */
export async function serviceDayRemindersProcessor() {
  const serviceDay = await sendServiceDayReminders(db);
  const renewal = await sendRenewalReminders(db);
  return { ...serviceDay, renewal };
}

/** A customer's notice of an admin's weather skip (an outbox effect of the skip). */
export async function weatherSkipNoticeProcessor(payload: { weatherSkipId: string; recurringId: string }) {
  const data = await weatherSkipNoticeData(db, payload.weatherSkipId, payload.recurringId);
  if (data) await notifyWeatherSkip(db, { ...data, weatherSkipId: payload.weatherSkipId, subscriptionId: payload.recurringId });
  return { notified: !!data };
}
