import type { Metadata } from "next";
import { UsersAdmin } from "@/components/admin/users-admin";
import { requirePermission } from "@/server/auth/require";

export const metadata: Metadata = { title: "Users · Admin" };

export default async function AdminUsersPage() {
  await requirePermission("admin.access", "/admin/users");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Users</h1>
      <UsersAdmin />
    </div>
  );
}
