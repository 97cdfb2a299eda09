/**
 * What a scooper's device keeps for working without signal, in IndexedDB (through `idb`), shared by the pages and
 * the service worker (src/app/sw.ts):
 * - `jobs`: a copy of each job the scooper holds (address, the notes they may see, deadlines), so it can be read
 *   offline. Written by the job page while the claim is active; deleted when the claim ends and on sign-out.
 * - `photos`: photos taken offline, each with its own idempotency key, waiting to be uploaded.
 * - `completions`: a "Complete" tapped offline, sent once every photo of that job has landed.
 * Nothing here goes to the Cache API: only IndexedDB holds personal data, so one wipe clears it all.
 * To add a store, bump DB_VERSION and create it in `upgrade`.
 */
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { markPendingWork } from "./offline-signals";

export type OfflineJobCopy = {
  jobId: string;
  status: string;
  address: string;
  publicNotes: string | null;
  accessNotes: string | null;
  startDeadlineAt: string | null;
  autoConfirmAt: string | null;
  savedAt: string;
};

export type QueuedPhotoState = "queued" | "uploading" | "uploaded" | "failed";
export type QueuedPhoto = {
  /** The idempotency key the server checks: a retried upload with it stores nothing new. */
  key: string;
  jobId: string;
  kind: "AFTER" | "BEFORE";
  name: string;
  blob: Blob;
  state: QueuedPhotoState;
  /** The server's words when it refused the photo for good (not a lost connection). */
  error: string | null;
  queuedAt: string;
};

export type QueuedCompletion = {
  jobId: string;
  pickupCount: number | null;
  /** When the scooper tapped "Complete" (ISO); the server clamps it to the claim and keeps it for the timeline. */
  tappedAt: string;
  state: "queued" | "sent" | "failed";
  error: string | null;
};

interface OfflineDb extends DBSchema {
  jobs: { key: string; value: OfflineJobCopy };
  photos: { key: string; value: QueuedPhoto; indexes: { byJob: string } };
  completions: { key: string; value: QueuedCompletion };
}

const DB_NAME = "scoop-offline";
const DB_VERSION = 1;
/** Told to every open page (and the service worker) when the queue changes, so each redraws its state. */
export const QUEUE_CHANNEL = "scoop-offline-queue";

let opening: Promise<IDBPDatabase<OfflineDb>> | null = null;
function db(): Promise<IDBPDatabase<OfflineDb>> {
  opening ??= openDB<OfflineDb>(DB_NAME, DB_VERSION, {
    upgrade(database) {
      database.createObjectStore("jobs", { keyPath: "jobId" });
      database.createObjectStore("photos", { keyPath: "key" }).createIndex("byJob", "jobId");
      database.createObjectStore("completions", { keyPath: "jobId" });
    },
  });
  return opening;
}

export function announceQueueChange(): void {
  if (typeof BroadcastChannel === "undefined") return;
  const channel = new BroadcastChannel(QUEUE_CHANNEL);
  channel.postMessage("changed");
  channel.close();
}

export async function saveJobCopy(copy: OfflineJobCopy): Promise<void> {
  await (await db()).put("jobs", copy);
}

export async function getJobCopy(jobId: string): Promise<OfflineJobCopy | null> {
  return (await (await db()).get("jobs", jobId)) ?? null;
}

export async function listJobCopies(): Promise<OfflineJobCopy[]> {
  return (await db()).getAll("jobs");
}

/** The claim ended (completed, released, cancelled…): its copy and its access notes leave the device. */
export async function forgetJob(jobId: string): Promise<void> {
  const database = await db();
  const tx = database.transaction(["jobs", "photos", "completions"], "readwrite");
  await tx.objectStore("jobs").delete(jobId);
  const store = tx.objectStore("photos");
  for (const key of await store.index("byJob").getAllKeys(jobId)) await store.delete(key);
  await tx.objectStore("completions").delete(jobId);
  await tx.done;
  announceQueueChange();
}

export async function queuePhoto(photo: Omit<QueuedPhoto, "state" | "error" | "queuedAt">): Promise<void> {
  await (await db()).put("photos", { ...photo, state: "queued", error: null, queuedAt: new Date().toISOString() });
  markPendingWork(true);
  announceQueueChange();
}

export async function photosOf(jobId: string): Promise<QueuedPhoto[]> {
  const all = await (await db()).getAllFromIndex("photos", "byJob", jobId);
  return all.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

export async function setPhotoState(key: string, state: QueuedPhotoState, error: string | null = null): Promise<void> {
  const database = await db();
  const photo = await database.get("photos", key);
  if (!photo) return;
  await database.put("photos", { ...photo, state, error });
  announceQueueChange();
}

export async function removePhoto(key: string): Promise<void> {
  await (await db()).delete("photos", key);
  announceQueueChange();
}

export async function queueCompletion(completion: Omit<QueuedCompletion, "state" | "error">): Promise<void> {
  await (await db()).put("completions", { ...completion, state: "queued", error: null });
  markPendingWork(true);
  announceQueueChange();
}

export async function completionOf(jobId: string): Promise<QueuedCompletion | null> {
  return (await (await db()).get("completions", jobId)) ?? null;
}

export async function setCompletionState(jobId: string, state: QueuedCompletion["state"], error: string | null = null): Promise<void> {
  const database = await db();
  const completion = await database.get("completions", jobId);
  if (!completion) return;
  await database.put("completions", { ...completion, state, error });
  announceQueueChange();
}

/** Jobs with something still to send: photos not yet uploaded, or a completion not yet sent. */
export async function jobsWithPendingWork(): Promise<string[]> {
  const database = await db();
  const jobs = new Set<string>();
  for (const p of await database.getAll("photos")) if (p.state === "queued" || p.state === "uploading") jobs.add(p.jobId);
  for (const c of await database.getAll("completions")) if (c.state === "queued") jobs.add(c.jobId);
  return [...jobs];
}

/** Sign-out: every copy, note and queued photo leaves the device. */
export async function wipeOfflineData(): Promise<void> {
  const database = await db();
  const tx = database.transaction(["jobs", "photos", "completions"], "readwrite");
  await Promise.all([tx.objectStore("jobs").clear(), tx.objectStore("photos").clear(), tx.objectStore("completions").clear(), tx.done]);
  markPendingWork(false);
  announceQueueChange();
}
