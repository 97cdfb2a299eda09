import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { JobsAdmin } from "@/components/admin/jobs-admin";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("meta.jobs") };
}

export default async function AdminJobsPage() {
  await requirePermission("admin.access", "/admin/jobs");
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("jobs.title")}</h1>
      <JobsAdmin />
    </div>
  );
}
