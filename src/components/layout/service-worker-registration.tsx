"use client";
/**
 * Registers the one service worker (/sw.js) once the page has loaded and the browser is idle, so it never competes
 * with the page's own downloads. Also sends a photo queue left from an earlier visit ("retry on next open"), when
 * the connection returns, and when the worker asks; the queue code loads only while something waits to be sent.
 */
import { useEffect } from "react";
import { FLUSH_MESSAGE, hasPendingWork } from "@/lib/offline/offline-signals";

function sendQueue() {
  if (!hasPendingWork() || !navigator.onLine) return;
  void import("@/trpc/offline-queue").then((queue) => queue.flushOfflineQueue()).catch(() => undefined);
}

export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    const onMessage = (e: MessageEvent) => e.data === FLUSH_MESSAGE && sendQueue();
    const start = () => {
      void navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
      sendQueue();
    };
    const idle = () => ("requestIdleCallback" in window ? window.requestIdleCallback(start, { timeout: 3000 }) : setTimeout(start, 1000));
    if (document.readyState === "complete") idle();
    else window.addEventListener("load", idle, { once: true });
    navigator.serviceWorker.addEventListener("message", onMessage);
    window.addEventListener("online", sendQueue);
    return () => {
      window.removeEventListener("load", idle);
      navigator.serviceWorker.removeEventListener("message", onMessage);
      window.removeEventListener("online", sendQueue);
    };
  }, []);
  return null;
}
