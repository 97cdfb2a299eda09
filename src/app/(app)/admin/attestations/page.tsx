import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AttestationsAdmin } from "@/components/admin/attestations-admin";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("meta.attestations") };
}

export default async function AdminAttestationsPage() {
  await requirePermission("admin.access", "/admin/attestations");
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("attestations.title")}</h1>
      <AttestationsAdmin />
    </div>
  );
}
