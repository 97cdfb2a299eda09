import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { WeatherAdmin } from "@/components/admin/weather-admin";
import { env } from "@/env";
import { localDateIn } from "@/lib/schedules";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("meta.weather") };
}

export default async function AdminWeatherPage() {
  await requirePermission("admin.access", "/admin/weather");
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("weather.title")}</h1>
      <WeatherAdmin today={localDateIn(env.APP_TIMEZONE, new Date())} />
    </div>
  );
}
