import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SavedYards } from "@/components/yards/saved-yards";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("yards"))("title") };
}
export const dynamic = "force-dynamic";

export default async function SavedYardsPage() {
  await requirePermission("jobs.post", "/yards");
  const t = await getTranslations("yards");
  return (
    <main className="mx-auto w-full max-w-xl flex-1 p-4">
      <h1 className="mb-4 text-xl font-bold">{t("title")}</h1>
      <SavedYards />
    </main>
  );
}
