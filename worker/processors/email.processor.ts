import type { Job } from "bullmq";
import { db } from "@/server/db";
import { deliverEmail, markEmailFailed } from "@/server/email/send-email";

export async function sendEmailProcessor(payload: { messageId: string }, job: Job): Promise<string> {
  try {
    return await deliverEmail(db, payload.messageId);
  } catch (err) {
    // After the last attempt the row is marked FAILED so admins see it; before that BullMQ retries with backoff.
    if (job.attemptsMade + 1 >= (job.opts.attempts ?? 1)) await markEmailFailed(db, payload.messageId);
    throw err;
  }
}
