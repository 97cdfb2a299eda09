import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { JobView } from "@/components/jobs/job-view";
import { getCurrentSession } from "@/server/auth/current-session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("titles.job") };
}

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <main className="flex flex-1 flex-col">
      <JobView jobId={id} signedIn={!!(await getCurrentSession())} />
    </main>
  );
}
