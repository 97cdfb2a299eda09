import { db } from "@/server/db";
import { notifyJobChange, type NotifiedJobChange } from "@/server/notifications/job-change";
import { notifyJobMessage } from "@/server/notifications/job-events";

export async function jobChangeNotificationProcessor(payload: { jobId: string; change: NotifiedJobChange }) {
  await notifyJobChange(db, payload.jobId, payload.change);
  return { notified: payload.change };
}

export async function jobMessageNotificationProcessor(payload: { messageId: string }) {
  await notifyJobMessage(db, payload.messageId);
  return { notified: "message" };
}
