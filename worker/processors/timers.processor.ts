import { db } from "@/server/db";
import { autoConfirmJob } from "@/server/jobs/confirm-job";
import { expireJob } from "@/server/jobs/expire-job";
import { openJobToAll } from "@/server/jobs/open-to-all";
import { releaseAfterStartDeadline } from "@/server/jobs/release-job";
import { sweepDeadlines } from "@/server/jobs/sweep-deadlines";
import { cancelAfterAnswerDeadline } from "@/server/jobs/unreachable";
import { expireBatch } from "@/server/recurring/batch-expiry";
import type { QueuePayload } from "@/server/queues/definitions";

/** Each timer calls the same guarded service the sweep uses; a job that moved on is left alone. */
export async function timersProcessor(payload: QueuePayload<"timers">): Promise<unknown> {
  switch (payload.kind) {
    case "expire":
      return { changed: await expireJob(db, payload.jobId) };
    case "expire-batch":
      return { changed: await expireBatch(db, payload.jobIds, payload.at) };
    case "start-deadline":
      return { changed: await releaseAfterStartDeadline(db, payload.jobId) };
    case "auto-confirm":
      return { changed: await autoConfirmJob(db, payload.jobId) };
    case "open-to-all":
      return { changed: await openJobToAll(db, payload.jobId) };
    case "answer-deadline":
      return { changed: await cancelAfterAnswerDeadline(db, payload.jobId) };
    case "sweep":
      return sweepDeadlines(db);
  }
}
