import { db } from "@/server/db";
import { generateDueRecurringJobs } from "@/server/recurring/generate";
import { sendRenewalReminders, sendServiceDayReminders } from "@/server/recurring/reminders";

export async function generateRecurringProcessor() {
  const { serviceDate, generated, skipped, skippedByCustomer, failed } = await generateDueRecurringJobs(db);
  // The returned value is kept on the BullMQ job: the admin queue page shows each run's counts.
  return { serviceDate, generated, skipped, skippedByCustomer, failed };
}

/** The daily reminders run: tomorrow's service days, and billing dates three days ahead (Stripe billing). */
export async function serviceDayRemindersProcessor() {
  const serviceDay = await sendServiceDayReminders(db);
  const renewal = await sendRenewalReminders(db);
  return { ...serviceDay, renewal };
}
