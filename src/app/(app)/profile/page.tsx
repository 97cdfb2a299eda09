import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import type { Locale } from "@/lib/i18n/locales";
import { ProfileForm } from "@/components/accounts/profile-form";
import { SignOutEverywhere } from "@/components/accounts/sign-out-everywhere";
import { YourData } from "@/components/accounts/your-data";
import { NotificationPreferences } from "@/components/notifications/notification-preferences";
import { AuthCard, Notice } from "@/components/ui/form";
import { getCurrentSession } from "@/server/auth/current-session";
import { serverApi } from "@/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("profile.metaTitle") };
}

export default async function ProfilePage(props: { searchParams: Promise<{ welcome?: string }> }) {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in?callbackUrl=/profile");
  const t = await getTranslations("accounts");
  if (session.blocked) return <AuthCard title={t("profile.metaTitle")}><Notice tone="error">{session.blocked}</Notice></AuthCard>;
  const api = await serverApi();
  const profile = await api.accounts.me();
  const rating = session.user.roles.includes("SCOOPER") ? await api.reviews.myRating() : null;
  const { welcome } = await props.searchParams;
  return (
    <AuthCard title={t("profile.title")}>
      {welcome && <Notice tone="success">{t("profile.welcome")}</Notice>}
      {rating && (
        <p className="mb-4 text-sm" data-testid="my-rating">
          {rating.average === null ? t("profile.ratingNone") : t("profile.rating", { average: rating.average.toFixed(1), count: rating.count })}
        </p>
      )}
      <section className="mb-6 space-y-1" aria-labelledby="language-heading">
        <h2 id="language-heading" className="text-lg font-semibold">{t("profile.language")}</h2>
        <p className="text-sm text-slate-600">{t("profile.languageHint")}</p>
        <LanguageSwitcher signedIn locale={(await getLocale()) as Locale} label={(await getTranslations("common"))("language")} />
      </section>
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
