import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RepostButton } from "@/components/jobs/repost-button";
import { AuthCard } from "@/components/ui/form";
import { env } from "@/env";
import { durationWords } from "@/lib/duration-words";
import { requirePermission } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("jobs"))("repostPage.metaTitle") };
}

/** Landing page of the "job expired" email's re-post link: one tap posts the same job again. */
export default async function RepostPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePermission("jobs.post", `/jobs/${id}/repost`);
  const [t, tp] = await Promise.all([getTranslations("jobs"), getTranslations("post")]);
  // The new job's time on the map is a setting (JOB_EXPIRY_SECONDS): say the one in force.
  const expiry = durationWords(tp, env.JOB_EXPIRY_SECONDS);
  return (
    <AuthCard title={t("repostPage.title")}>
      <p className="text-sm text-slate-600">{t("repostPage.body", { expiry })}</p>
      <RepostButton jobId={id} />
    </AuthCard>
  );
}
