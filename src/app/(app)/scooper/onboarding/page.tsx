import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Onboarding } from "@/components/scooper/onboarding";
import { AuthCard, Notice } from "@/components/ui/form";
import { env } from "@/env";
import { can } from "@/lib/permissions";
import { getCurrentSession } from "@/server/auth/current-session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("onboarding"))("metaTitle") };
}

export default async function ScooperOnboardingPage() {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in?callbackUrl=/scooper/onboarding");
  const t = await getTranslations("onboarding");
  if (session.blocked) return <AuthCard title={t("metaTitle")}><Notice tone="error">{session.blocked}</Notice></AuthCard>;
  if (!can(session.user.roles, "jobs.claim")) {
    return <AuthCard title={t("metaTitle")}><Notice tone="info">{t("onlyScoopers")}</Notice></AuthCard>;
  }
  return (
    <AuthCard title={t("title")}>
      <Onboarding userId={session.user.id} photoMaxBytes={env.PHOTO_MAX_BYTES} />
    </AuthCard>
  );
}
