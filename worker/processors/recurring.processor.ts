import { db } from "@/server/db";
import { generateDueRecurringJobs } from "@/server/recurring/generate";

export async function generateRecurringProcessor() {
  const { serviceDate, generated, skipped, failed } = await generateDueRecurringJobs(db);
  // The returned value is kept on the BullMQ job: the admin queue page shows each run's counts.
  return { serviceDate, generated, skipped, failed };
}
