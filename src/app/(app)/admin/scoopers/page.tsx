import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ScoopersAdmin } from "@/components/admin/scoopers-admin";
import { env } from "@/env";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("meta.scoopers") };
}

export default async function AdminScoopersPage() {
  await requirePermission("admin.access", "/admin/scoopers");
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("scoopers.title")}</h1>
      <ScoopersAdmin approvalOn={env.SCOOPER_APPROVAL === "1"} />
    </div>
  );
}
