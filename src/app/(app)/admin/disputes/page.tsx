import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DisputesAdmin } from "@/components/admin/disputes-admin";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("meta.disputes") };
}

export default async function AdminDisputesPage() {
  await requirePermission("admin.access", "/admin/disputes");
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("disputes.title")}</h1>
      <DisputesAdmin />
    </div>
  );
}
