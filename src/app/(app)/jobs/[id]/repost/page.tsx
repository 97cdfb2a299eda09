import type { Metadata } from "next";
import { RepostButton } from "@/components/jobs/repost-button";
import { AuthCard } from "@/components/ui/form";
import { requirePermission } from "@/server/auth/require";

export const metadata: Metadata = { title: "Post again" };

/** Landing page of the "job expired" email's re-post link: one tap posts the same job again. */
export default async function RepostPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission("jobs.post", `/jobs/${id}/repost`);
  return (
    <AuthCard title="Post this cleanup again">
      <p className="text-sm text-slate-600">Same address, pin, price and notes, with a fresh 24 hours on the map.</p>
      <RepostButton jobId={id} />
    </AuthCard>
  );
}
