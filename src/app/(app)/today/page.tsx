import { getTranslations } from "next-intl/server";
import { TodayRoute } from "@/components/today/today-route";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata() {
  return { title: (await getTranslations("today"))("title") };
}
export const dynamic = "force-dynamic";

export default async function TodayPage() {
  await requirePermission("jobs.claim", "/today");
  const t = await getTranslations("today");
  return (
    <main className="mx-auto w-full max-w-xl flex-1 p-4">
      <h1 className="mb-4 text-xl font-bold">{t("title")}</h1>
      <TodayRoute />
    </main>
  );
}
