import { IntlIsland } from "@/components/i18n/intl-island";
import { OfflinePage } from "@/components/offline/offline-job";

export const metadata = { title: "Offline" };

/**
 * Shown by the service worker (src/app/sw.ts) instead of the browser's error when a page cannot be reached; it
 * reads everything from this phone's IndexedDB. Cached without cookies, so it names nobody.
 */
export default function Offline() {
  return (
    <main className="flex flex-1 flex-col">
      <IntlIsland namespaces={["offline", "jobs", "common"]}>
        <OfflinePage />
      </IntlIsland>
    </main>
  );
}
