import { db } from "@/server/db";
import { notifyJobChange, type NotifiedJobChange } from "@/server/notifications/job-change";

export async function jobChangeNotificationProcessor(payload: { jobId: string; change: NotifiedJobChange }) {
  await notifyJobChange(db, payload.jobId, payload.change);
  return { notified: payload.change };
}
