import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AdminSubscriptionDetail } from "@/components/admin/subscriptions-admin";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("meta.subscription") };
}

export default async function AdminSubscriptionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission("admin.access", `/admin/subscriptions/${id}`);
  const t = await getTranslations("admin");
  return (
    <div className="space-y-4">
      <Link href="/admin/subscriptions" className="text-sm text-brand-700 underline">{t("subscription.back")}</Link>
      <h1 className="text-2xl font-bold">{t("subscription.title")}</h1>
      <AdminSubscriptionDetail id={id} />
    </div>
  );
}
