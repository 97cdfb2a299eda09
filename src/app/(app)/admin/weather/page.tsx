import type { Metadata } from "next";
import { WeatherAdmin } from "@/components/admin/weather-admin";
import { env } from "@/env";
import { localDateIn } from "@/lib/schedules";
import { requirePermission } from "@/server/auth/require";

export const metadata: Metadata = { title: "Weather skips · Admin" };

export default async function AdminWeatherPage() {
  await requirePermission("admin.access", "/admin/weather");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Weather skips</h1>
      <WeatherAdmin today={localDateIn(env.APP_TIMEZONE, new Date())} />
    </div>
  );
}
