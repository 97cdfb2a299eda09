import type { Metadata } from "next";
import { DisputesAdmin } from "@/components/admin/disputes-admin";
import { requirePermission } from "@/server/auth/require";

export const metadata: Metadata = { title: "Disputes · Admin" };

export default async function AdminDisputesPage() {
  await requirePermission("admin.access", "/admin/disputes");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Open disputes</h1>
      <DisputesAdmin />
    </div>
  );
}
