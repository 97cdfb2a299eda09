import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditAdmin } from "@/components/admin/audit-admin";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("meta.audit") };
}

export default async function AdminAuditPage() {
  await requirePermission("admin.access", "/admin/audit");
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("audit.title")}</h1>
      <AuditAdmin />
    </div>
  );
}
