import type { Metadata } from "next";
import { JobsAdmin } from "@/components/admin/jobs-admin";
import { requirePermission } from "@/server/auth/require";

export const metadata: Metadata = { title: "Jobs · Admin" };

export default async function AdminJobsPage() {
  await requirePermission("admin.access", "/admin/jobs");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Jobs</h1>
      <JobsAdmin />
    </div>
  );
}
