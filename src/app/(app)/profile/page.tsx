import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ProfileForm } from "@/components/accounts/profile-form";
import { SignOutEverywhere } from "@/components/accounts/sign-out-everywhere";
import { YourData } from "@/components/accounts/your-data";
import { NotificationPreferences } from "@/components/notifications/notification-preferences";
import { AuthCard, Notice } from "@/components/ui/form";
import { getCurrentSession } from "@/server/auth/current-session";
import { serverApi } from "@/trpc/server";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage(props: { searchParams: Promise<{ welcome?: string }> }) {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in?callbackUrl=/profile");
  if (session.blocked) return <AuthCard title="Profile"><Notice tone="error">{session.blocked}</Notice></AuthCard>;
  const api = await serverApi();
  const profile = await api.accounts.me();
  const rating = session.user.roles.includes("SCOOPER") ? await api.reviews.myRating() : null;
  const { welcome } = await props.searchParams;
  return (
    <AuthCard title="Your profile">
      {welcome && <Notice tone="success">Your email is confirmed. Welcome to Scoop!</Notice>}
      {rating && (
        <p className="mb-4 text-sm" data-testid="my-rating">
          Your rating: {rating.average === null ? "no reviews yet" : `★ ${rating.average.toFixed(1)} from ${rating.count} review${rating.count === 1 ? "" : "s"}`}
        </p>
      )}
      <ProfileForm profile={profile} />
      <div className="mt-8">
        <NotificationPreferences />
      </div>
      <div className="mt-8">
        <SignOutEverywhere />
      </div>
      <div className="mt-8">
        <YourData />
      </div>
    </AuthCard>
  );
}
