import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmailsAdmin } from "@/components/admin/emails-admin";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("meta.emails") };
}

export default async function AdminEmailsPage() {
  await requirePermission("admin.access", "/admin/emails");
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("emails.title")}</h1>
      <EmailsAdmin />
    </div>
  );
}
