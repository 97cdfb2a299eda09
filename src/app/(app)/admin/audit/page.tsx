import type { Metadata } from "next";
import { AuditAdmin } from "@/components/admin/audit-admin";
import { requirePermission } from "@/server/auth/require";

export const metadata: Metadata = { title: "Audit log · Admin" };

export default async function AdminAuditPage() {
  await requirePermission("admin.access", "/admin/audit");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      <AuditAdmin />
    </div>
  );
}
