import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Onboarding } from "@/components/scooper/onboarding";
import { AuthCard, Notice } from "@/components/ui/form";
import { env } from "@/env";
import { can } from "@/lib/permissions";
import { getCurrentSession } from "@/server/auth/current-session";

export const metadata: Metadata = { title: "Scooper onboarding" };

export default async function ScooperOnboardingPage() {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in?callbackUrl=/scooper/onboarding");
  if (session.blocked) return <AuthCard title="Scooper onboarding"><Notice tone="error">{session.blocked}</Notice></AuthCard>;
  if (!can(session.user.roles, "jobs.claim")) {
    return <AuthCard title="Scooper onboarding"><Notice tone="info">Onboarding is for scoopers: add the scooper role on your profile page first.</Notice></AuthCard>;
  }
  return (
    <AuthCard title="Before your first claim">
      <Onboarding userId={session.user.id} photoMaxMb={Math.floor(env.PHOTO_MAX_BYTES / 1024 / 1024)} />
    </AuthCard>
  );
}
