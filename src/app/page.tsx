import { getTranslations } from "next-intl/server";
import { Landing } from "@/components/layout/landing";
import { IntlIsland } from "@/components/i18n/intl-island";
import { JobMapWhenNear } from "@/components/map/job-map";
import { getCurrentSession } from "@/server/auth/current-session";

export const dynamic = "force-dynamic";

// The map translates in the browser: it brings its own catalogues (the landing page's words are the server's). It
// loads when scrolled near (below the landing page's fold) or at once when on screen (the signed-in home page).
const map = (
  <IntlIsland namespaces={["board", "jobs", "common"]}>
    <JobMapWhenNear />
  </IntlIsland>
);

/** Visitors get the landing page (with the live map below it); signed-in users go straight to the map. */
export default async function HomePage() {
  if (!(await getCurrentSession())) return <Landing map={map} />;
  const t = await getTranslations("landing");
  return (
    <main className="relative h-[calc(100dvh-3.5rem)]">
      <h1 className="sr-only">{t("mapHeading")}</h1>
      {map}
    </main>
  );
}
