import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ProfileForm } from "@/components/accounts/profile-form";
import { NotificationPreferences } from "@/components/notifications/notification-preferences";
import { AuthCard, Notice } from "@/components/ui/form";
import { getCurrentSession } from "@/server/auth/current-session";
import { serverApi } from "@/trpc/server";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage(props: { searchParams: Promise<{ welcome?: string }> }) {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in?callbackUrl=/profile");
  if (session.blocked) return <AuthCard title="Profile"><Notice tone="error">{session.blocked}</Notice></AuthCard>;
  const profile = await (await serverApi()).accounts.me();
  const { welcome } = await props.searchParams;
  return (
    <AuthCard title="Your profile">
      {welcome && <Notice tone="success">Your email is confirmed. Welcome to Scoop!</Notice>}
      <ProfileForm profile={profile} />
      <div className="mt-8">
        <NotificationPreferences />
      </div>
    </AuthCard>
  );
}
