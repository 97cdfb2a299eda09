/**
 * Sends what a scooper did without signal (src/lib/offline/offline-store.ts): each queued photo with its
 * idempotency key, then — once every photo of that job has landed — the completion, once. Runs in a page (on
 * "online", on open, when the service worker asks) or in the service worker itself (Background Sync, when no page is
 * open). A Web Lock makes one flusher at a time per device; the server's idempotency key and the job's guarded
 * state make a repeat after a lost answer harmless all the same.
 */
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";
import {
  completionOf,
  forgetJob,
  jobsWithPendingWork,
  photosOf,
  setCompletionState,
  setPhotoState,
  type QueuedPhoto,
} from "@/lib/offline/offline-store";
import { markPendingWork, SYNC_TAG } from "@/lib/offline/offline-signals";


type Outcome = "done" | "offline";
/** A lost connection or a server that could not answer now: the same request is sent again later. */
class RetryLater extends Error {}

function origin(): string {
  return (globalThis as { location?: { origin: string } }).location?.origin ?? "";
}

async function uploadPhoto(photo: QueuedPhoto): Promise<void> {
  const form = new FormData();
  form.set("kind", photo.kind);
  form.set("key", photo.key);
  form.set("file", photo.blob, photo.name);
  let res: Response;
  try {
    res = await fetch(`${origin()}/api/jobs/${encodeURIComponent(photo.jobId)}/photos`, { method: "POST", body: form, credentials: "same-origin" });
  } catch {
    throw new RetryLater();
  }
  if (res.ok) return setPhotoState(photo.key, "uploaded");
  if (res.status >= 500 || res.status === 408 || res.status === 429 || res.status === 401) throw new RetryLater();
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  await setPhotoState(photo.key, "failed", body?.error?.message ?? `The photo was refused (${res.status}).`);
}

async function sendCompletion(jobId: string): Promise<void> {
  const completion = await completionOf(jobId);
  if (!completion || completion.state !== "queued") return;
  const client = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${origin()}/api/trpc`, transformer: superjson })] });
  try {
    await client.jobs.complete.mutate({ jobId, pickupCount: completion.pickupCount, tappedAt: new Date(completion.tappedAt) });
  } catch (err) {
    const code = err instanceof TRPCClientError ? (err.data as { code?: string } | undefined)?.code : undefined;
    // The first send landed but its answer was lost: the job is already marked done.
    if (code === "CONFLICT") return forgetJob(jobId);
    if (!code || code === "INTERNAL_SERVER_ERROR" || code === "TOO_MANY_REQUESTS" || code === "UNAUTHORIZED") throw new RetryLater();
    return setCompletionState(jobId, "failed", (err as Error).message);
  }
  // The claim has ended: the job's copy, its notes and its photos leave the device.
  await forgetJob(jobId);
}

async function flushJob(jobId: string, online: () => boolean): Promise<void> {
  for (const photo of await photosOf(jobId)) {
    if (photo.state !== "queued" && photo.state !== "uploading") continue;
    if (!online()) throw new RetryLater();
    await setPhotoState(photo.key, "uploading");
    try {
      await uploadPhoto(photo);
    } catch (err) {
      await setPhotoState(photo.key, "queued");
      throw err;
    }
  }
  if (!online()) throw new RetryLater();
  await sendCompletion(jobId);
}

async function flushAll(online: () => boolean): Promise<Outcome> {
  try {
    // A photo queued while this pass ran (another tab, the same page) is picked up by the next pass.
    for (let pass = 0; pass < 3; pass++) {
      const pending = await jobsWithPendingWork();
      if (pending.length === 0) break;
      for (const jobId of pending) await flushJob(jobId, online);
    }
    markPendingWork((await jobsWithPendingWork()).length > 0);
    return "done";
  } catch (err) {
    if (err instanceof RetryLater) return "offline";
    throw err;
  }
}

/**
 * Sends everything queued on this device. `online` is asked before every request: a page passes
 * `navigator.onLine`, so nothing is attempted while the page knows it has no connection.
 */
export async function flushOfflineQueue(online: () => boolean = () => navigator.onLine): Promise<Outcome> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return flushAll(online);
  // One sender at a time on this device (tabs and the service worker): a second waits, then finds little left to do.
  return locks.request(SYNC_TAG, () => flushAll(online));
}

/** Asks the browser to wake the service worker when the connection returns (Background Sync, where it exists). */
export async function requestBackgroundSync(): Promise<void> {
  if (!("serviceWorker" in navigator)) return;
  const registration = (await navigator.serviceWorker.getRegistration("/")) as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
  await registration?.sync?.register(SYNC_TAG).catch(() => undefined);
}
