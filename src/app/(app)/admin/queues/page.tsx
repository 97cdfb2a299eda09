import type { Metadata } from "next";
import { QueuesAdmin } from "@/components/admin/queues-admin";
import { requirePermission } from "@/server/auth/require";

export const metadata: Metadata = { title: "Queues · Admin" };

export default async function AdminQueuesPage() {
  await requirePermission("admin.access", "/admin/queues");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Background queues</h1>
      <QueuesAdmin />
    </div>
  );
}
