import type { Metadata } from "next";
import { ChargebacksAdmin } from "@/components/admin/chargebacks-admin";
import { requirePermission } from "@/server/auth/require";

export const metadata: Metadata = { title: "Card disputes · Admin" };

export default async function AdminChargebacksPage() {
  await requirePermission("admin.access", "/admin/chargebacks");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Card disputes</h1>
      <ChargebacksAdmin />
    </div>
  );
}
