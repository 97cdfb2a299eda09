/// <reference lib="webworker" />
/**
 * Scoop's one service worker, built by Serwist (`@serwist/turbopack`, served at /sw.js by src/app/sw.js/route.ts):
 * - precaches the app shell (Next's hashed static files and public/), so pages open without a connection;
 * - answers a navigation that fails with the offline page (/offline), which reads the scooper's offline copies and
 *   queue from IndexedDB. Pages themselves are never cached: they carry personal data, and only IndexedDB
 *   (src/lib/offline/offline-store.ts) may hold that, so one wipe clears it;
 * - never handles /api/* (tRPC answers, uploads, photos): those go to the network untouched;
 * - sends the offline photo queue on Background Sync when no page is open (an open page sends it itself);
 * - shows Web Push notifications and opens their link when clicked.
 */
import type { PrecacheEntry, SerwistGlobalConfig } from "serwist";
import { CacheFirst, ExpirationPlugin, NetworkOnly, Serwist } from "serwist";
import { FLUSH_MESSAGE, SYNC_TAG } from "@/lib/offline/offline-signals";
import { flushOfflineQueue } from "@/trpc/offline-queue";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const OFFLINE_URL = "/offline";
const OFFLINE_CACHE = "scoop-offline-page";

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  runtimeCaching: [
    {
      // The API is always live: a cached tRPC answer could show another user's data or a job's old state.
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/api/"),
      handler: new NetworkOnly(),
    },
    {
      matcher: ({ request }) => request.mode === "navigate",
      handler: new NetworkOnly({
        plugins: [{ handlerDidError: async () => (await caches.open(OFFLINE_CACHE).then((c) => c.match(OFFLINE_URL))) ?? Response.error() }],
      }),
    },
    {
      // Hashed file names never change content: a chunk not in the precache (a later build's) is kept once seen.
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: "next-static", plugins: [new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 86_400 })] }),
    },
  ],
});

// The offline page, fetched without cookies so the cached copy names nobody (the page fills in from IndexedDB).
self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(OFFLINE_CACHE).then((cache) => cache.add(new Request(OFFLINE_URL, { credentials: "omit", cache: "reload" }))));
});

serwist.addEventListeners();

self.addEventListener("sync", (event) => {
  const sync = event as ExtendableEvent & { tag: string; lastChance: boolean };
  if (sync.tag !== SYNC_TAG) return;
  sync.waitUntil(
    (async () => {
      // An open page sends the queue itself (it knows whether it is online and shows the progress).
      const windows = await self.clients.matchAll({ type: "window" });
      if (windows.length > 0) {
        for (const w of windows) w.postMessage(FLUSH_MESSAGE);
        return;
      }
      // Throwing makes the browser try this sync again later.
      if ((await flushOfflineQueue(() => self.navigator.onLine)) === "offline") throw new Error("still offline");
    })(),
  );
});

self.addEventListener("push", (event) => {
  let data: { title: string; body: string; url: string; tag?: string } = { title: "Scoop", body: "", url: "/", tag: undefined };
  try {
    data = { ...data, ...(event.data?.json() as Partial<typeof data>) };
  } catch {
    // A push without a JSON payload still shows the default title.
  }
  event.waitUntil(self.registration.showNotification(data.title, { body: data.body, tag: data.tag, data: { url: data.url } }));
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL((event.notification.data as { url?: string } | null)?.url ?? "/", self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((w) => w.url === url);
      return open ? open.focus() : self.clients.openWindow(url);
    }),
  );
});
