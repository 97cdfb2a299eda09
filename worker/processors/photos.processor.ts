import { db } from "@/server/db";
import { processJobPhoto } from "@/server/jobs/photos";
import type { QueuePayload } from "@/server/queues/definitions";
import { getStorage } from "@/server/storage/storage";

export async function photosProcessor(payload: QueuePayload<"photos">): Promise<void> {
  await processJobPhoto(db, getStorage(), payload.photoId);
}
