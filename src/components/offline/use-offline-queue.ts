"use client";
import { useEffect, useState, useSyncExternalStore } from "react";
import { completionOf, photosOf, QUEUE_CHANNEL, type QueuedCompletion, type QueuedPhoto } from "@/lib/offline/offline-store";

export type OfflineQueue = { photos: QueuedPhoto[]; completion: QueuedCompletion | null; loaded: boolean };

/** A job's queued photos and completion, read from IndexedDB and redrawn whenever any page or the worker changes them. */
export function useOfflineQueue(jobId: string, onChange?: () => void): OfflineQueue {
  const [queue, setQueue] = useState<OfflineQueue>({ photos: [], completion: null, loaded: false });
  useEffect(() => {
    let live = true;
    const read = () =>
      void Promise.all([photosOf(jobId), completionOf(jobId)])
        .then(([photos, completion]) => live && setQueue({ photos, completion, loaded: true }))
        .catch(() => live && setQueue((q) => ({ ...q, loaded: true })));
    read();
    const channel = new BroadcastChannel(QUEUE_CHANNEL);
    channel.onmessage = () => {
      read();
      onChange?.();
    };
    return () => {
      live = false;
      channel.close();
    };
    // onChange is the caller's refresh: a new function each render, and only its latest call matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [jobId]);
  return queue;
}

/** The browser's own idea of the connection (what `context.setOffline` switches in tests). */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
}

function subscribeOnline(changed: () => void): () => void {
  window.addEventListener("online", changed);
  window.addEventListener("offline", changed);
  return () => {
    window.removeEventListener("online", changed);
    window.removeEventListener("offline", changed);
  };
}
