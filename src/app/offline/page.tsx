import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IntlIsland } from "@/components/i18n/intl-island";
import { OfflinePage } from "@/components/offline/offline-job";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("titles.offline") };
}

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
