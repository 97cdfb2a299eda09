import type { Metadata } from "next";
import Link from "next/link";
import { AdminJobDetail } from "@/components/admin/jobs-admin";
import { requirePermission } from "@/server/auth/require";

export const metadata: Metadata = { title: "Job · Admin" };

export default async function AdminJobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission("admin.access", `/admin/jobs/${id}`);
  return (
    <div className="space-y-4">
      <Link href="/admin/jobs" className="text-sm text-brand-700 underline">← All jobs</Link>
      <h1 className="text-2xl font-bold">Job</h1>
      <AdminJobDetail jobId={id} />
    </div>
  );
}
