import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChargebacksAdmin } from "@/components/admin/chargebacks-admin";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("meta.chargebacks") };
}

export default async function AdminChargebacksPage() {
  await requirePermission("admin.access", "/admin/chargebacks");
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("chargebacks.title")}</h1>
      <ChargebacksAdmin />
    </div>
  );
}
