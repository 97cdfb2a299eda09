import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { UsersAdmin } from "@/components/admin/users-admin";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("meta.users") };
}

export default async function AdminUsersPage() {
  await requirePermission("admin.access", "/admin/users");
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("users.title")}</h1>
      <UsersAdmin />
    </div>
  );
}
