import type { Metadata } from "next";
import { SubscriptionsAdmin } from "@/components/admin/subscriptions-admin";
import { requirePermission } from "@/server/auth/require";

export const metadata: Metadata = { title: "Subscriptions · Admin" };

export default async function AdminSubscriptionsPage() {
  await requirePermission("admin.access", "/admin/subscriptions");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Recurring cleanups</h1>
      <SubscriptionsAdmin />
    </div>
  );
}
