import type { Job } from "bullmq";
import { db } from "@/server/db";
import { deliverPush, markPushFailed } from "@/server/notifications/push";

export async function sendPushProcessor(payload: { pushMessageId: string }, job: Job): Promise<string> {
  try {
    return await deliverPush(db, payload.pushMessageId);
  } catch (err) {
    // After the last attempt the row is marked FAILED so admins see it; before that BullMQ retries with backoff.
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await markPushFailed(db, payload.pushMessageId);
    throw err;
  }
}
