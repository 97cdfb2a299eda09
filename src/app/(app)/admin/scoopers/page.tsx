import type { Metadata } from "next";
import { ScoopersAdmin } from "@/components/admin/scoopers-admin";
import { env } from "@/env";
import { requirePermission } from "@/server/auth/require";

export const metadata: Metadata = { title: "Scooper approvals · Admin" };

export default async function AdminScoopersPage() {
  await requirePermission("admin.access", "/admin/scoopers");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Scoopers awaiting approval</h1>
      <ScoopersAdmin approvalOn={env.SCOOPER_APPROVAL === "1"} />
    </div>
  );
}
