import { db } from "@/server/db";
import { generateDueRecurringJobs } from "@/server/recurring/generate";
import { sendServiceDayReminders } from "@/server/recurring/reminders";

export async function generateRecurringProcessor() {
  const { serviceDate, generated, skipped, failed } = await generateDueRecurringJobs(db);
  // The returned value is kept on the BullMQ job: the admin queue page shows each run's counts.
  return { serviceDate, generated, skipped, failed };
}

export function serviceDayRemindersProcessor() {
  return sendServiceDayReminders(db);
}
