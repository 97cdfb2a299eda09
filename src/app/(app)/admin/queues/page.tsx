import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QueuesAdmin } from "@/components/admin/queues-admin";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("meta.queues") };
}

export default async function AdminQueuesPage() {
  await requirePermission("admin.access", "/admin/queues");
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("queues.title")}</h1>
      <QueuesAdmin />
    </div>
  );
}
