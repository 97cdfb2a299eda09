import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SubscriptionsAdmin } from "@/components/admin/subscriptions-admin";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("meta.subscriptions") };
}

export default async function AdminSubscriptionsPage() {
  await requirePermission("admin.access", "/admin/subscriptions");
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("subscriptions.title")}</h1>
      <SubscriptionsAdmin />
    </div>
  );
}
