import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Board } from "@/components/jobs/board";
import { can } from "@/lib/permissions";
import type { ServiceArea } from "@/lib/service-area";
import { getCurrentSession } from "@/server/auth/current-session";
import { serverApi } from "@/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("board"))("title") };
}

export default async function BoardPage() {
  // A scooper's board opens on their service area, and says where to finish onboarding while claims are refused.
  const t = await getTranslations("board");
  const session = await getCurrentSession();
  let serviceArea: ServiceArea | null = null;
  let onboardingMissing = false;
  if (session && !session.blocked && can(session.user.roles, "jobs.claim")) {
    const { profile, status } = await (await serverApi()).scooperOnboarding.mine();
    if (profile.serviceLat !== null && profile.serviceLng !== null && profile.serviceRadiusKm !== null) {
      serviceArea = { lat: profile.serviceLat, lng: profile.serviceLng, radiusKm: profile.serviceRadiusKm };
    }
    onboardingMissing = !status.ready;
  }
  return (
    <main className="flex flex-1 flex-col">
      {/* The map fills the page; the heading is for screen readers and the navigation test. */}
      <h1 className="sr-only">{t("title")}</h1>
      <Board serviceArea={serviceArea} onboardingMissing={onboardingMissing} />
    </main>
  );
}
