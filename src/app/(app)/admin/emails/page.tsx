import type { Metadata } from "next";
import { EmailsAdmin } from "@/components/admin/emails-admin";
import { requirePermission } from "@/server/auth/require";

export const metadata: Metadata = { title: "Sent emails · Admin" };

export default async function AdminEmailsPage() {
  await requirePermission("admin.access", "/admin/emails");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Sent emails</h1>
      <EmailsAdmin />
    </div>
  );
}
