/**
 * The few names the pages, the service worker and the queue share, kept apart from the IndexedDB code so the
 * root layout's registration (src/components/layout/service-worker-registration.tsx) loads none of it.
 */
/** The states in which a scooper holds a claim: the phone keeps a job's copy (with its access notes) only then. */
export const ACTIVE_CLAIM: ReadonlySet<string> = new Set(["CLAIMED", "IN_PROGRESS", "UNREACHABLE"]);
export const SYNC_TAG = "scoop-offline-queue";
/** The service worker asks an open page to send the queue (a page knows whether it is online). */
export const FLUSH_MESSAGE = "scoop-flush-offline-queue";
/** A localStorage flag: set while something waits to be sent, so a page loads the queue code only then. */
const PENDING_FLAG = "scoop-offline-pending";

export function markPendingWork(pending: boolean): void {
  try {
    if (pending) localStorage.setItem(PENDING_FLAG, "1");
    else localStorage.removeItem(PENDING_FLAG);
  } catch {
    // No localStorage (the service worker, private modes): the queue is still sent on Background Sync or on the job page.
  }
}

export function hasPendingWork(): boolean {
  try {
    return localStorage.getItem(PENDING_FLAG) === "1";
  } catch {
    return false;
  }
}
