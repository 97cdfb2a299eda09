import type { Metadata } from "next";
import { AttestationsAdmin } from "@/components/admin/attestations-admin";
import { requirePermission } from "@/server/auth/require";

export const metadata: Metadata = { title: "Scooper statements · Admin" };

export default async function AdminAttestationsPage() {
  await requirePermission("admin.access", "/admin/attestations");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Scooper statements</h1>
      <AttestationsAdmin />
    </div>
  );
}
