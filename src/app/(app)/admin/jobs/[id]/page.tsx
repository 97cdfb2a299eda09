import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminJobDetail } from "@/components/admin/jobs-admin";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("meta.job") };
}

export default async function AdminJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission("admin.access", `/admin/jobs/${id}`);
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      <Link href="/admin/jobs" className="text-sm text-brand-700 underline">{t("job.back")}</Link>
      <h1 className="text-2xl font-bold">{t("job.title")}</h1>
      <AdminJobDetail jobId={id} />
    </div>
  );
}
