import type { Metadata } from "next";
import Link from "next/link";
import { AdminSubscriptionDetail } from "@/components/admin/subscriptions-admin";
import { requirePermission } from "@/server/auth/require";

export const metadata: Metadata = { title: "Recurring cleanup · Admin" };

export default async function AdminSubscriptionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission("admin.access", `/admin/subscriptions/${id}`);
  return (
    <div className="space-y-4">
      <Link href="/admin/subscriptions" className="text-sm text-brand-700 underline">← All recurring cleanups</Link>
      <h1 className="text-2xl font-bold">Recurring cleanup</h1>
      <AdminSubscriptionDetail id={id} />
    </div>
  );
}
