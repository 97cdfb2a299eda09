import { db } from "@/server/db";
import { sendWeeklyEarnings, type WeeklyEarningsRun } from "@/server/notifications/weekly-earnings";

export function weeklyEarningsProcessor(): Promise<WeeklyEarningsRun> {
  return sendWeeklyEarnings(db);
}
