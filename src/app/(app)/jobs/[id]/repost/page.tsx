import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RepostButton } from "@/components/jobs/repost-button";
import { AuthCard } from "@/components/ui/form";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jobs"))("repostPage.metaTitle") };
}

/** Landing page of the "job expired" email's re-post link: one tap posts the same job again. */
export default async function RepostPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission("jobs.post", `/jobs/${id}/repost`);
  const t = await getTranslations("jobs");
  return (
    <AuthCard title={t("repostPage.title")}>
      <p className="text-sm text-slate-600">{t("repostPage.body")}</p>
      <RepostButton jobId={id} />
    </AuthCard>
  );
}
