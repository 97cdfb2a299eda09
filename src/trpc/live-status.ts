"use client";
/** The browser's WebSocket state, for the live/reconnecting indicator. */
import { useSyncExternalStore } from "react";

export type LiveStatus = "connecting" | "live" | "reconnecting";
let status: LiveStatus = "connecting";
const listeners = new Set<() => void>();

export function setLiveStatus(next: LiveStatus) {
  if (next === status) return;
  status = next;
  for (const l of listeners) l();
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => status,
    () => "connecting" as const,
  );
}
